using AsyncCommerce.Catalog;

namespace AsyncCommerce.Orchestrations.Tests.Catalog;

public sealed class FixedCatalogTests
{
    private static readonly CatalogItem Shoes = new("SKU-1", "Shoes", 10.00m, "USD");
    private static readonly CatalogItem Socks = new("SKU-2", "Socks", 2.50m, "USD");
    private static readonly Store Downtown = new("store-1", "Downtown", "Seattle");

    private readonly FixedCatalog _catalog = new([Shoes, Socks], [Downtown]);

    [Fact]
    public async Task ListItems_ReturnsTheItemsInTheirOrder()
    {
        Assert.Equal([Shoes, Socks], await _catalog.ListItemsAsync());
    }

    [Fact]
    public async Task FindItem_KnownSku_ReturnsIt()
    {
        Assert.Equal(Socks, await _catalog.FindItemAsync("SKU-2"));
    }

    [Fact]
    public async Task FindItem_UnknownOrDifferentlyCasedSku_ReturnsNull()
    {
        Assert.Null(await _catalog.FindItemAsync("SKU-9"));
        Assert.Null(await _catalog.FindItemAsync("sku-1"));
    }

    [Fact]
    public async Task FindStore_KnownAndUnknown_ReturnsTheStoreOrNull()
    {
        Assert.Equal(Downtown, await _catalog.FindStoreAsync("store-1"));
        Assert.Null(await _catalog.FindStoreAsync("store-9"));
        Assert.Equal([Downtown], await _catalog.ListStoresAsync());
    }

    [Fact]
    public void Create_WithADuplicateSku_Throws()
    {
        Assert.Throws<ArgumentException>(() => new FixedCatalog([Shoes, Shoes], [Downtown]));
    }
}
