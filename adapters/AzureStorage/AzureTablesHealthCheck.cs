using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AsyncCommerce.Adapters.AzureStorage;

/// <summary>
/// One query of the account's table list for the hub's tables: the account (or Azurite) answers, the credential is
/// accepted, and every table the stores use exists.
/// </summary>
internal sealed class AzureTablesHealthCheck(TableServiceClient service, AzureStorageTables tables) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var expected = tables.All.Select(t => t.Name).ToList();
        var filter = string.Join(" or ", expected.Select(name => TableServiceClient.CreateQueryFilter($"TableName eq {name}")));
        try
        {
            var found = new HashSet<string>(StringComparer.Ordinal);
            await foreach (var table in service.QueryAsync(filter, cancellationToken: cancellationToken))
                found.Add(table.Name);
            var missing = expected.Where(name => !found.Contains(name)).ToList();
            return missing.Count == 0 ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy($"missing table(s) {string.Join(", ", missing)}");
        }
        catch (RequestFailedException error) when (error.Status == 0)
        {
            // No HTTP answer at all: the endpoint is down or unreachable (Azurite not running, a firewall, DNS).
            return HealthCheckResult.Unhealthy($"table service at {service.Uri.Authority} did not answer", error);
        }
        catch (RequestFailedException error)
        {
            return HealthCheckResult.Unhealthy($"table service answered {error.Status} {error.ErrorCode}", error);
        }
    }
}
