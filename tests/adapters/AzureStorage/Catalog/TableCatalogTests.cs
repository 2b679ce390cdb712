using System.Globalization;
using AsyncCommerce.Adapters.AzureStorage.Catalog;
using AsyncCommerce.Adapters.AzureStorage.Tests.Support;
using AsyncCommerce.Catalog;
using Azure.Data.Tables;

namespace AsyncCommerce.Adapters.AzureStorage.Tests.Catalog;

/// <summary>Each test gets an empty table: a catalog is the whole of its partitions, so tests cannot share one.</summary>
public sealed class TableCatalogTests : IAsyncLifetime
{
    private TableClient? _table;

    private TableClient Table => _table ?? throw new InvalidOperationException("The table is created in InitializeAsync.");

    public async Task InitializeAsync() => _table = await AzuriteTable.CreateAsync();

    public Task DisposeAsync() => Table.DeleteAsync();

    [Fact]
    public async Task ListItems_AfterSeeding_ReturnsWhatTheFixedCatalogListsInItsOrder()
    {
        var catalog = await SeededAsync();

        var items = await catalog.ListItemsAsync();

        Assert.Equal(await new FixedCatalog(SeedData.Items, SeedData.Stores).ListItemsAsync(), items);
    }

    [Fact]
    public async Task ListStores_AfterSeeding_ReturnsWhatTheFixedCatalogListsInItsOrder()
    {
        var catalog = await SeededAsync();

        var stores = await catalog.ListStoresAsync();

        Assert.Equal(await new FixedCatalog(SeedData.Items, SeedData.Stores).ListStoresAsync(), stores);
    }

    [Fact]
    public async Task ListItems_InAnOrderThatIsNotAlphabetical_KeepsTheSeedOrder()
    {
        var catalog = new TableCatalog(Table);
        CatalogItem[] items = [new("SKU-9", "Last by key", 1m, "USD"), new("SKU-1", "First by key", 2m, "USD")];
        await catalog.AddMissingAsync(items, []);

        Assert.Equal(items, await catalog.ListItemsAsync());
    }

    [Fact]
    public async Task ListItems_WhenNothingIsSeeded_ReturnsEmpty()
    {
        var catalog = new TableCatalog(Table);

        Assert.Empty(await catalog.ListItemsAsync());
        Assert.Empty(await catalog.ListStoresAsync());
    }

    [Fact]
    public async Task FindItem_Seeded_ReturnsItWithItsPriceToTheCent()
    {
        var catalog = await SeededAsync();

        var socks = await catalog.FindItemAsync("SKU-1002");

        Assert.Equal(SeedData.Items.Single(item => item.Sku == "SKU-1002"), socks);
        Assert.Equal("24.50", socks?.UnitPrice.ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task FindStore_Seeded_ReturnsIt()
    {
        var catalog = await SeededAsync();

        Assert.Equal(SeedData.Stores[1], await catalog.FindStoreAsync(SeedData.Stores[1].StoreId));
    }

    [Fact]
    public async Task FindItemOrStore_WhenUnknown_ReturnsNull()
    {
        var catalog = await SeededAsync();

        Assert.Null(await catalog.FindItemAsync("SKU-0000"));
        Assert.Null(await catalog.FindItemAsync(""));
        Assert.Null(await catalog.FindStoreAsync("store-999"));
        Assert.Null(await catalog.FindStoreAsync(""));
    }

    [Fact]
    public async Task FindItem_WithCharactersTablesRefuseInKeys_FindsIt()
    {
        var catalog = new TableCatalog(Table);
        var item = new CatalogItem("SKU/7#?\\|%", "Odd key", 5m, "USD");
        await catalog.AddMissingAsync([item], []);

        Assert.Equal(item, await catalog.FindItemAsync(item.Sku));
        Assert.Null(await catalog.FindItemAsync("SKU%2F7#?\\|%"));
    }

    [Fact]
    public async Task AddMissing_AgainWithChangedAndNewEntries_AddsOnlyTheNewOnes()
    {
        var catalog = await SeededAsync();
        var renamed = SeedData.Items[0] with { Name = "Renamed" };
        var added = new CatalogItem("SKU-2000", "New item", 10m, "USD");

        var count = await catalog.AddMissingAsync([renamed, added], [SeedData.Stores[0] with { City = "Elsewhere" }]);

        Assert.Equal(1, count);
        Assert.Equal(SeedData.Items[0], await catalog.FindItemAsync(renamed.Sku));
        Assert.Equal(SeedData.Stores[0], await catalog.FindStoreAsync(SeedData.Stores[0].StoreId));
        Assert.Equal(added, await catalog.FindItemAsync(added.Sku));
    }

    private async Task<TableCatalog> SeededAsync()
    {
        var catalog = new TableCatalog(Table);
        var added = await catalog.AddMissingAsync(SeedData.Items, SeedData.Stores);
        Assert.Equal(SeedData.Items.Count + SeedData.Stores.Count, added);
        return catalog;
    }
}
