using AsyncCommerce.Catalog;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.DurableTask.Client;

namespace AsyncCommerce.Api.Health;

public sealed record HealthReport(string Status, IReadOnlyDictionary<string, string> Checks);

/// <summary>GET /api/health: 200 when the catalog store and the workflow engine both answer, 503 otherwise.</summary>
public static class HealthEndpoints
{
    private static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(5);

    public static async Task<Results<Ok<HealthReport>, UnhealthyResult>> CheckAsync(
        [FromServices] ICatalog catalog, [FromServices] DurableTaskClient workflows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(workflows);
        var checks = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["catalog"] = await ProbeAsync(ct => catalog.ListStoresAsync(ct), cancellationToken),

            // Looking up an instance that does not exist is the cheapest round trip to the engine.
            ["workflows"] = await ProbeAsync(ct => workflows.GetInstanceAsync("health-probe", getInputsAndOutputs: false, ct), cancellationToken),
        };
        var healthy = checks.Values.All(v => v == "Healthy");
        var report = new HealthReport(healthy ? "Healthy" : "Unhealthy", checks);
        return healthy ? TypedResults.Ok(report) : new UnhealthyResult(report);
    }

    private static async Task<string> ProbeAsync<T>(Func<CancellationToken, Task<T>> probe, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(CheckTimeout);
        try
        {
            await probe(timeout.Token);
            return "Healthy";
        }
#pragma warning disable CA1031 // Any failure of a dependency is exactly what a health check reports.
        catch (Exception error) when (!cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            return $"Unhealthy: {error.GetType().Name}";
        }
    }
}
