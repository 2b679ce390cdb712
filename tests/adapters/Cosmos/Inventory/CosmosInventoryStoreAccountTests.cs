using AsyncCommerce.Adapters.Cosmos.Inventory;
using AsyncCommerce.Adapters.Cosmos.Tests.Support;
using AsyncCommerce.Catalog;

namespace AsyncCommerce.Adapters.Cosmos.Tests.Inventory;

/// <summary>What only a real Cosmos DB shows (COSMOS_CONNECTION): the seed against the service's own 409s and queries.</summary>
[Collection(UsesCosmosDatabase.Name)]
public sealed class CosmosInventoryStoreAccountTests(CosmosDatabaseFixture database)
{
    [CosmosFact]
    public async Task AddMissingStock_RunTwice_CreatesEachSeedRowOnce()
    {
        var inventory = new CosmosInventoryStore(database.Containers.Inventory, CosmosDatabaseFixture.ConflictRetry);

        var first = await inventory.AddMissingStockAsync(SeedData.InitialStock);
        var second = await inventory.AddMissingStockAsync(SeedData.InitialStock);

        Assert.Equal((SeedData.InitialStock.Count, 0), (first, second));
        var levels = await inventory.GetLevelsAsync(SeedData.LimitedEditionSku);
        Assert.Equal(SeedData.StockLocations.Order(StringComparer.Ordinal), levels.Select(level => level.LocationId));
        Assert.All(levels, level => Assert.Equal(SeedData.LimitedEditionUnits, level.Available));
    }
}
