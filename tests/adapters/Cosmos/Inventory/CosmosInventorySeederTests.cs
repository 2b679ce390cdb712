using AsyncCommerce.Adapters.Cosmos.Inventory;
using AsyncCommerce.Adapters.Cosmos.Tests.Support;
using AsyncCommerce.Catalog;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AsyncCommerce.Adapters.Cosmos.Tests.Inventory;

public sealed class CosmosInventorySeederTests
{
    private readonly RecordingContainer _container = new RecordingContainer().Serve<StockDocument>();

    [Fact]
    public async Task Start_WithSeedInventory_CreatesTheMissingSeedRowsAndLeavesExistingStockAlone()
    {
        var existing = SeedData.InitialStock[0];
        var inventory = new CosmosInventoryStore(_container.Object, ConflictRetries.RetryAtOnce());
        await inventory.SetOnHandAsync(existing.Sku, existing.LocationId, 2);

        await Seeder(inventory, seedInventory: true).StartAsync(CancellationToken.None);

        var creates = _container.Writes.Where(write => write.Operation == "Create").ToList();
        Assert.Equal(SeedData.InitialStock.Count + 1, creates.Count);
        Assert.Equal(2, _container.Get<StockDocument>(existing.Sku, StockDocument.IdOf(existing.LocationId))?.OnHand);
        var last = SeedData.InitialStock[^1];
        Assert.Equal(last.OnHand, _container.Get<StockDocument>(last.Sku, StockDocument.IdOf(last.LocationId))?.OnHand);
    }

    [Fact]
    public async Task Start_ByDefault_WritesNothing()
    {
        var inventory = new CosmosInventoryStore(_container.Object, ConflictRetries.RetryAtOnce());

        await Seeder(inventory, seedInventory: false).StartAsync(CancellationToken.None);

        Assert.Empty(_container.Sent);
    }

    private static CosmosInventorySeeder Seeder(CosmosInventoryStore inventory, bool seedInventory) =>
        new(Options.Create(new CosmosOptions { SeedInventory = seedInventory }), inventory, NullLogger<CosmosInventorySeeder>.Instance);
}
