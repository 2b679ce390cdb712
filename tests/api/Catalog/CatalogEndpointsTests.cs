using System.Net;
using AsyncCommerce.Api.Tests.Support;
using AsyncCommerce.Testing;

namespace AsyncCommerce.Api.Tests.Catalog;

/// <summary>The storefront's catalog and store directory.</summary>
public sealed class CatalogEndpointsTests
{
    [Fact]
    public async Task ListCatalog_Get_ReturnsAtLeastTenPricedItems()
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();

        using var response = await http.GetAsync(new Uri("/api/catalog", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var items = (await JsonShape.ReadAsync(response)).EnumerateArray().ToList();
        Assert.True(items.Count >= 10, $"Expected at least 10 SKUs, got {items.Count}");
        Assert.All(items, item => JsonShape.AssertMembers(item, "sku", "name", "unitPrice", "currency"));
        Assert.All(items, item => Assert.StartsWith("SKU-", item.GetProperty("sku").GetString(), StringComparison.Ordinal));
        Assert.All(items, item => Assert.False(string.IsNullOrWhiteSpace(item.GetProperty("name").GetString())));
        Assert.All(items, item => Assert.True(item.GetProperty("unitPrice").GetDecimal() > 0));
        Assert.All(items, item => Assert.Matches("^[A-Z]{3}$", item.GetProperty("currency").GetString()));
        Assert.Equal(items.Count, items.Select(item => item.GetProperty("sku").GetString()).Distinct().Count());
    }

    [Fact]
    public async Task ListCatalog_EverySku_IsStockedAtEveryStoreAndTheFulfillmentCentre()
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();
        using var catalog = await http.GetAsync(new Uri("/api/catalog", UriKind.Relative));
        using var stores = await http.GetAsync(new Uri("/api/stores", UriKind.Relative));
        var skus = (await JsonShape.ReadAsync(catalog)).EnumerateArray().Select(item => item.GetProperty("sku").GetString()!).ToList();
        var locations = (await JsonShape.ReadAsync(stores)).EnumerateArray().Select(store => store.GetProperty("storeId").GetString()!).Append("dc-001").ToList();

        foreach (var sku in skus)
        {
            var stock = await http.GetInventoryAsync(sku);

            Assert.All(locations, location => Assert.True(stock.Locations.Single(l => l.LocationId == location).OnHand > 0, $"{sku} has no stock at {location}"));
        }
    }

    [Fact]
    public async Task ListStores_Get_ReturnsAtLeastThreeStores()
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();

        using var response = await http.GetAsync(new Uri("/api/stores", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stores = (await JsonShape.ReadAsync(response)).EnumerateArray().ToList();
        Assert.True(stores.Count >= 3, $"Expected at least 3 stores, got {stores.Count}");
        Assert.All(stores, store => JsonShape.AssertMembers(store, "storeId", "name"));
        Assert.Contains("store-001", stores.Select(store => store.GetProperty("storeId").GetString()));
        Assert.DoesNotContain("dc-001", stores.Select(store => store.GetProperty("storeId").GetString()));
    }

}
