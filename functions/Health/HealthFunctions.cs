using AsyncCommerce.Api;
using AsyncCommerce.Api.Health;
using AsyncCommerce.Catalog;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace AsyncCommerce.Functions.Health;

/// <summary>GET /api/health, anonymous so that load balancers and uptime probes need no key; it reveals no data.</summary>
public sealed class HealthFunctions(ICatalog catalog)
{
    [Function(nameof(CommerceRoutes.GetHealth))]
    public async Task<IResult> GetHealth(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = CommerceRoutes.Templates.Health)] HttpRequest request,
        [DurableClient] DurableTaskClient workflows,
        CancellationToken cancellationToken) =>
        await HealthEndpoints.CheckAsync(catalog, workflows, cancellationToken);
}
