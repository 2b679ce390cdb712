using AsyncCommerce.Adapters.AzureStorage.Inventory;
using AsyncCommerce.Adapters.AzureStorage.Tests.Support;
using AsyncCommerce.Catalog;
using AsyncCommerce.Inventory;

namespace AsyncCommerce.Adapters.AzureStorage.Tests.Inventory;

/// <summary>What the Azure Tables store adds to the shared suite: several instances (hosts) over one table, seeding, keys.</summary>
public sealed class TableInventoryStoreTests(AzuriteTable table) : IClassFixture<AzuriteTable>
{
    private readonly string _location = NewId("loc");
    private readonly string _sku = NewId("SKU");

    [Fact]
    public async Task Reserve_WhenTwoInstancesRaceTwentyOrdersForTheLastFiveUnits_HoldsExactlyFive()
    {
        TableInventoryStore[] hosts = [NewStore(), NewStore()];
        await hosts[0].SetOnHandAsync(_sku, _location, 5);

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(index =>
            Task.Run(() => hosts[index % 2].ReserveAsync(NewId("order"), _location, [new(_sku, 1)]))));

        Assert.Equal(5, results.Count(result => result.Reserved));
        Assert.All(results.Where(result => !result.Reserved), result => Assert.Equal([_sku], result.ShortSkus));
        Assert.Equal([new StockLevel(_sku, _location, 5, 5, 0)], await hosts[0].GetLevelsAsync(_sku));
        Assert.Equal([new StockLevel(_sku, _location, 5, 5, 0)], await hosts[1].GetLevelsAsync(_sku));
    }

    [Fact]
    public async Task Commit_OnAnotherInstanceThanTheReservation_SellsTheHeldUnitsOnce()
    {
        var orderId = NewId("order");
        await NewStore().SetOnHandAsync(_sku, _location, 10);
        await NewStore().ReserveAsync(orderId, _location, [new(_sku, 4)]);

        var committed = await NewStore().CommitAsync(orderId);
        var again = await NewStore().CommitAsync(orderId);

        Assert.True(committed);
        Assert.False(again);
        Assert.Equal([new StockLevel(_sku, _location, 6, 0, 4)], await NewStore().GetLevelsAsync(_sku));
    }

    [Fact]
    public async Task Release_WhenInstancesRaceToReleaseOneOrder_ReleasesItOnce()
    {
        var orderId = NewId("order");
        await NewStore().SetOnHandAsync(_sku, _location, 10);
        await NewStore().ReserveAsync(orderId, _location, [new(_sku, 4)]);
        await NewStore().ReserveAsync(NewId("order"), _location, [new(_sku, 3)]);

        var released = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => NewStore().ReleaseAsync(orderId))));

        Assert.Single(released, wasReleased => wasReleased);
        Assert.Equal([new StockLevel(_sku, _location, 10, 3, 0)], await NewStore().GetLevelsAsync(_sku));
    }

    [Fact]
    public async Task Reserve_AgainForTheOrderAtAnotherLocation_ReturnsTheFirstOutcomeAndHoldsNothingThere()
    {
        var orderId = NewId("order");
        var other = NewId("loc");
        var store = NewStore();
        await store.SetOnHandAsync(_sku, _location, 10);
        await store.SetOnHandAsync(_sku, other, 10);
        await store.ReserveAsync(orderId, _location, [new(_sku, 2)]);

        var again = await store.ReserveAsync(orderId, other, [new(_sku, 2)]);

        Assert.True(again.Reserved);
        Assert.Equal(
            [new StockLevel(_sku, _location, 10, 2, 0), new StockLevel(_sku, other, 10, 0, 0)],
            (await store.GetLevelsAsync(_sku)).OrderBy(level => level.LocationId == other));
    }

    [Fact]
    public async Task Reserve_WithMoreSkusThanOneTransactionTakes_Throws()
    {
        StockLine[] lines = [.. Enumerable.Range(0, TableInventoryStore.MaxSkusPerReservation + 1).Select(index => new StockLine($"{_sku}-{index}", 1))];

        await Assert.ThrowsAsync<ArgumentException>(() => NewStore().ReserveAsync(NewId("order"), _location, lines));
    }

    [Fact]
    public async Task Reserve_WithIdsHoldingCharactersTablesRefuseInKeys_ReservesAndSettles()
    {
        var sku = $"{_sku}/#?\\|%\t";
        var location = $"{_location}/#?";
        var orderId = $"{NewId("order")}/#?\\|%";
        var store = NewStore();
        await store.SetOnHandAsync(sku, location, 5);

        var reserved = await store.ReserveAsync(orderId, location, [new(sku, 2)]);
        var committed = await store.CommitAsync(orderId);

        Assert.True(reserved.Reserved);
        Assert.True(committed);
        Assert.Equal([new StockLevel(sku, location, 3, 0, 2)], await store.GetLevelsAsync(sku));
        Assert.Empty(await store.GetLevelsAsync(_sku));
    }

    [Fact]
    public async Task AddMissingStock_WhenSomeRowsExist_KeepsTheirLiveStockAndCreatesTheOthers()
    {
        var other = NewId("loc");
        var store = NewStore();
        await store.SetOnHandAsync(_sku, _location, 7);
        await store.ReserveAsync(NewId("order"), _location, [new(_sku, 2)]);

        var created = await store.AddMissingStockAsync([new StockSeed(_sku, _location, 100), new StockSeed(_sku, other, 9)]);

        Assert.Equal(1, created);
        Assert.Equal(
            [new StockLevel(_sku, _location, 7, 2, 0), new StockLevel(_sku, other, 9, 0, 0)],
            (await store.GetLevelsAsync(_sku)).OrderBy(level => level.LocationId == other));
    }

    [Fact]
    public async Task AddMissingStock_SeedDataOnAnEmptyTable_StocksEverySkuAtEveryLocation()
    {
        var empty = await AzuriteTable.CreateAsync();
        try
        {
            var store = new TableInventoryStore(empty, AzuriteTables.ConflictRetry);

            var created = await store.AddMissingStockAsync(SeedData.InitialStock);
            var again = await store.AddMissingStockAsync(SeedData.InitialStock);

            Assert.Equal(SeedData.InitialStock.Count, created);
            Assert.Equal(0, again);
            Assert.Equal(
                SeedData.StockLocations.Order(StringComparer.Ordinal).Select(location => new StockLevel(SeedData.LimitedEditionSku, location, SeedData.LimitedEditionUnits, 0, 0)),
                await store.GetLevelsAsync(SeedData.LimitedEditionSku));
            Assert.Contains(new StockLevel("SKU-1001", Locations.FulfillmentCentre, SeedData.FulfillmentCentreUnits, 0, 0), await store.GetLevelsAsync("SKU-1001"));
        }
        finally
        {
            await empty.DeleteAsync();
        }
    }

    [Fact]
    public async Task AddMissingStock_WithANegativeCount_Throws()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => NewStore().AddMissingStockAsync([new StockSeed(_sku, _location, -1)]));
    }

    private TableInventoryStore NewStore() => new(table.Table, AzuriteTables.ConflictRetry);

    private static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}";
}
