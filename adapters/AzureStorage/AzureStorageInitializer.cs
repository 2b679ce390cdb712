using AsyncCommerce.Adapters.AzureStorage.Catalog;
using AsyncCommerce.Adapters.AzureStorage.Inventory;
using AsyncCommerce.Catalog;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AsyncCommerce.Adapters.AzureStorage;

/// <summary>
/// Creates the task hub's tables and loads the demo world of <see cref="SeedData"/> before the host serves. Safe on
/// every host at once: creating a table that exists, and adding rows that exist, change nothing, so a restart never
/// resets live stock.
/// </summary>
internal sealed partial class AzureStorageInitializer(
    AzureStorageTables tables,
    TableCatalog catalog,
    TableInventoryStore inventory,
    IOptions<AzureStorageOptions> options,
    ILogger<AzureStorageInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await tables.CreateIfNotExistAsync(cancellationToken);
        var catalogRows = await catalog.AddMissingAsync(SeedData.Items, SeedData.Stores, cancellationToken);
        var stockRows = await inventory.AddMissingStockAsync(SeedData.InitialStock, cancellationToken);
        LogReady(options.Value.TaskHub, tables.All.Count, catalogRows, stockRows);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 5201, EventName = "AzureStorageTablesReady", Level = LogLevel.Information,
        Message = "Azure Tables of task hub {TaskHub} ready ({Tables} tables; seeded {CatalogRows} catalog and {StockRows} stock rows that were missing)")]
    private partial void LogReady(string taskHub, int tables, int catalogRows, int stockRows);
}
