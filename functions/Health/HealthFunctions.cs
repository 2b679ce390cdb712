using AsyncCommerce.Api;
using AsyncCommerce.Api.Health;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace AsyncCommerce.Functions.Health;

/// <summary>GET /api/health and /api/health/live, anonymous so that load balancers and uptime probes need no key; they reveal no data.</summary>
public sealed class HealthFunctions(HealthProbe probe)
{
    [Function(nameof(CommerceRoutes.GetHealth))]
    public async Task<IResult> GetHealth(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = CommerceRoutes.Templates.Health)] HttpRequest request,
        [DurableClient] DurableTaskClient workflows,
        CancellationToken cancellationToken) =>
        await HealthEndpoints.CheckAsync(probe, workflows, cancellationToken);

    [Function(nameof(CommerceRoutes.GetLiveness))]
    public static IResult GetLiveness(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = CommerceRoutes.Templates.Liveness)] HttpRequest request) =>
        HealthEndpoints.Live();
}
