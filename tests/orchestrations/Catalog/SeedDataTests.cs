using AsyncCommerce.Catalog;

namespace AsyncCommerce.Orchestrations.Tests.Catalog;

public sealed class SeedDataTests
{
    [Fact]
    public void Stores_AreTheThreeContractStores()
    {
        Assert.Equal(["store-001", "store-002", "store-003"], SeedData.Stores.Select(s => s.StoreId));
        Assert.All(SeedData.Stores, s => Assert.False(string.IsNullOrWhiteSpace(s.Name) || string.IsNullOrWhiteSpace(s.City)));
    }

    [Fact]
    public void Items_AreAtLeastTwelveNumberedSkusPricedInUsdToTheCent()
    {
        Assert.True(SeedData.Items.Count >= 12);
        Assert.Equal(Enumerable.Range(1001, SeedData.Items.Count).Select(n => $"SKU-{n}"), SeedData.Items.Select(i => i.Sku));
        Assert.All(SeedData.Items, item =>
        {
            Assert.Equal("USD", item.Currency);
            Assert.True(item.UnitPrice > 0);
            Assert.Equal(decimal.Round(item.UnitPrice, 2), item.UnitPrice);
        });
    }

    [Fact]
    public void InitialStock_StocksEverySkuAtEveryStoreAndTheFulfillmentCentre()
    {
        string[] locations = [.. SeedData.Stores.Select(s => s.StoreId), Locations.FulfillmentCentre];

        var expected = SeedData.Items.SelectMany(item => locations.Select(location => (item.Sku, location))).Order();

        Assert.Equal(expected, SeedData.InitialStock.Select(s => (s.Sku, s.LocationId)).Order());
        Assert.All(SeedData.InitialStock, s => Assert.True(s.OnHand > 0));
    }
}
