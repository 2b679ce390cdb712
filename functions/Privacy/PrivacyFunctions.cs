using AsyncCommerce.Api;
using AsyncCommerce.Api.Privacy;
using AsyncCommerce.Privacy;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace AsyncCommerce.Functions.Privacy;

/// <summary>Privacy administration routes, behind the privacy-admin key.</summary>
public sealed class PrivacyFunctions(PersonalDataErasure erasure)
{
    [Function(nameof(CommerceRoutes.ErasePersonalData))]
    public async Task<IResult> ErasePersonalData(
        [HttpTrigger(AuthorizationLevel.Function, "delete", Route = CommerceRoutes.Templates.CustomerPersonalData)] HttpRequest request,
        string customerId,
        CancellationToken cancellationToken) =>
        await PrivacyEndpoints.EraseAsync(customerId, erasure, cancellationToken);
}
