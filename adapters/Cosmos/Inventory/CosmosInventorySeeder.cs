using AsyncCommerce.Catalog;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AsyncCommerce.Adapters.Cosmos.Inventory;

/// <summary>
/// When <c>Cosmos:SeedInventory</c> is true, creates the demo stock of <see cref="SeedData"/> before the host serves:
/// only rows that do not exist, so a restart never resets live stock. Safe to run on every instance at once.
/// </summary>
internal sealed partial class CosmosInventorySeeder(
    IOptions<CosmosOptions> options,
    CosmosInventoryStore inventory,
    ILogger<CosmosInventorySeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.SeedInventory)
            return;

        var created = await inventory.AddMissingStockAsync(SeedData.InitialStock, cancellationToken);
        LogSeeded(created, SeedData.InitialStock.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 5121, EventName = "CosmosInventorySeeded", Level = LogLevel.Information, Message = "Seeded inventory: created {Created} of {Rows} stock row(s); the others already existed")]
    private partial void LogSeeded(int created, int rows);
}
