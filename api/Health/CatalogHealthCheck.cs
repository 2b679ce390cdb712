using AsyncCommerce.Catalog;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AsyncCommerce.Api.Health;

/// <summary>The catalog answers: every checkout prices its lines and finds its store there.</summary>
internal sealed class CatalogHealthCheck(ICatalog catalog) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await catalog.ListStoresAsync(cancellationToken);
        return HealthCheckResult.Healthy();
    }
}
