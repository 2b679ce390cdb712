using AsyncCommerce.Adapters.Behaviours.Inventory;
using AsyncCommerce.Adapters.InMemory.Inventory;
using AsyncCommerce.Inventory;

namespace AsyncCommerce.Adapters.InMemory.Tests.Inventory;

public sealed class InMemoryInventoryStoreTests : InventoryStoreBehaviour
{
    protected override Task<IInventoryStore> CreatePortAsync() => Task.FromResult<IInventoryStore>(new InMemoryInventoryStore());

    [Fact]
    public async Task Seed_WithInitialStock_SetsEachRowsOnHand()
    {
        var store = new InMemoryInventoryStore([new StockSeed("SKU-1", "loc-1", 7), new StockSeed("SKU-1", "loc-2", 9)]);

        var levels = await store.GetLevelsAsync("SKU-1");

        Assert.Equal([new StockLevel("SKU-1", "loc-1", 7, 0, 0), new StockLevel("SKU-1", "loc-2", 9, 0, 0)], levels);
    }

    [Fact]
    public async Task Reserve_WithoutLines_Throws()
    {
        var store = new InMemoryInventoryStore();

        await Assert.ThrowsAsync<ArgumentException>(() => store.ReserveAsync("order-1", "loc-1", []));
    }

    [Fact]
    public async Task Reserve_WithANonPositiveQuantity_Throws()
    {
        var store = new InMemoryInventoryStore([new StockSeed("SKU-1", "loc-1", 7)]);

        await Assert.ThrowsAsync<ArgumentException>(() => store.ReserveAsync("order-1", "loc-1", [new("SKU-1", 0)]));
    }
}
