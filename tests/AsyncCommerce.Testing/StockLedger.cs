using AsyncCommerce.Adapters.InMemory;
using AsyncCommerce.Inventory;
using Xunit;

namespace AsyncCommerce.Testing;

/// <summary>The stock invariants of API.md, checked for every seeded SKU and location.</summary>
public static class StockLedger
{
    /// <summary>
    /// For every SKU and location: <c>available = onHand - reserved &gt;= 0</c> and
    /// <c>stocked = available + reserved + sold</c>, where stocked is the seed (tests that restock say so).
    /// </summary>
    public static async Task AssertBalancedAsync(IInventoryStore inventory)
    {
        ArgumentNullException.ThrowIfNull(inventory);
        foreach (var seed in SeedData.InitialStock)
        {
            var level = (await inventory.GetLevelsAsync(seed.Sku)).Single(l => l.LocationId == seed.LocationId);
            Assert.True(level.Reserved >= 0 && level.Available >= 0, $"{seed.Sku}@{seed.LocationId}: reserved {level.Reserved}, available {level.Available}");
            Assert.True(
                seed.OnHand == level.Available + level.Reserved + level.Sold,
                $"{seed.Sku}@{seed.LocationId}: stocked {seed.OnHand} != available {level.Available} + reserved {level.Reserved} + sold {level.Sold}");
        }
    }
}
