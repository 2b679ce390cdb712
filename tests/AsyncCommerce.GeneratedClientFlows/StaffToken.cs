using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;

namespace AsyncCommerce.GeneratedClientFlows;

/// <summary>Sends a store staff bearer token on every request of the store's client.</summary>
internal sealed class StaffToken(string token) : IAuthenticationProvider
{
    public const string Variable = "ASYNCCOMMERCE_STAFF_TOKEN";

    public Task AuthenticateRequestAsync(RequestInformation request, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Headers.Add("Authorization", $"Bearer {token}");
        return Task.CompletedTask;
    }
}
