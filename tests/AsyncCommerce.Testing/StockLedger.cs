using AsyncCommerce.Catalog;
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
    public static Task AssertBalancedAsync(IInventoryStore inventory) => AssertBalancedAsync(inventory, []);

    /// <summary>
    /// As <see cref="AssertBalancedAsync(IInventoryStore)"/>, for a test that set some counts itself (PUT
    /// /api/inventory before any sale there): <paramref name="restocked"/> replaces the seed of those rows.
    /// </summary>
    public static async Task AssertBalancedAsync(IInventoryStore inventory, params StockSeed[] restocked)
    {
        ArgumentNullException.ThrowIfNull(inventory);
        ArgumentNullException.ThrowIfNull(restocked);
        var stocked = SeedData.InitialStock
            .Select(seed => restocked.LastOrDefault(r => r.Sku == seed.Sku && r.LocationId == seed.LocationId) ?? seed);
        foreach (var seed in stocked)
        {
            var level = (await inventory.GetLevelsAsync(seed.Sku)).Single(l => l.LocationId == seed.LocationId);
            Assert.True(level.Reserved >= 0 && level.Available >= 0, $"{seed.Sku}@{seed.LocationId}: reserved {level.Reserved}, available {level.Available}");
            Assert.True(
                seed.OnHand == level.Available + level.Reserved + level.Sold,
                $"{seed.Sku}@{seed.LocationId}: stocked {seed.OnHand} != available {level.Available} + reserved {level.Reserved} + sold {level.Sold}");
        }
    }
}
