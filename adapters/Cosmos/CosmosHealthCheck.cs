using System.Net;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AsyncCommerce.Adapters.Cosmos;

/// <summary>
/// Reads every container's properties, all at once: the account answers, the app's identity holds a data role (a
/// missing role assignment answers 403), and each container the stores use exists (404 when one was not deployed).
/// </summary>
internal sealed class CosmosHealthCheck(CosmosContainers containers) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var failures = (await Task.WhenAll(containers.All.Select(c => ReadAsync(c, cancellationToken)))).OfType<string>().ToList();
        return failures.Count == 0 ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy(string.Join("; ", failures));
    }

    /// <summary>Null when the container answered; otherwise what went wrong, naming the container.</summary>
    private static async Task<string?> ReadAsync(Container container, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await container.ReadContainerStreamAsync(cancellationToken: cancellationToken);
            return response.IsSuccessStatusCode ? null : $"container {container.Id} answered {(int)response.StatusCode} {Reason(response.StatusCode)}";
        }
        catch (CosmosException error)
        {
            return $"container {container.Id} answered {(int)error.StatusCode} {Reason(error.StatusCode)}";
        }
        catch (HttpRequestException error)
        {
            return $"container {container.Id}: {error.GetType().Name}";
        }
    }

    private static string Reason(HttpStatusCode status) => status switch
    {
        HttpStatusCode.Forbidden => "Forbidden (does the app's identity hold a Cosmos DB data role?)",
        HttpStatusCode.NotFound => "NotFound (is the container deployed?)",
        _ => status.ToString(),
    };
}
