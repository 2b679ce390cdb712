using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.DurableTask.Client;

namespace AsyncCommerce.Api.Health;

/// <param name="Checks">Each dependency the host is configured with: <c>Healthy</c>, or <c>Unhealthy: why</c>.</param>
public sealed record HealthReport(string Status, IReadOnlyDictionary<string, string> Checks);

/// <summary>
/// GET /api/health (readiness): 200 when every dependency the host is configured with answers, 503 naming the ones
/// that do not. GET /api/health/live (liveness): 200 whenever the process serves requests; it checks nothing external,
/// so a database outage never makes a platform restart healthy instances.
/// </summary>
public static class HealthEndpoints
{
    public static async Task<Results<Ok<HealthReport>, UnhealthyResult>> CheckAsync(
        [FromServices] HealthProbe probe, [FromServices] DurableTaskClient workflows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(probe);
        ArgumentNullException.ThrowIfNull(workflows);
        var report = await probe.CheckAsync(workflows, cancellationToken);
        return report.Status == HealthProbe.Healthy ? TypedResults.Ok(report) : new UnhealthyResult(report);
    }

    public static Ok<HealthReport> Live() => TypedResults.Ok(new HealthReport(HealthProbe.Healthy, new Dictionary<string, string>()));
}
