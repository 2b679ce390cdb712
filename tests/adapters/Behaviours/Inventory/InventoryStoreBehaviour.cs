using AsyncCommerce.Adapters.Behaviours.Support;
using AsyncCommerce.Inventory;

namespace AsyncCommerce.Adapters.Behaviours.Inventory;

/// <summary>What every <see cref="IInventoryStore"/> does, whatever keeps the stock.</summary>
public abstract class InventoryStoreBehaviour : PortBehaviour<IInventoryStore>
{
    private readonly string _location = NewId("loc");
    private readonly string _skuA = NewId("SKU-A");
    private readonly string _skuB = NewId("SKU-B");

    [BehaviourFact]
    public async Task Reserve_WhenEveryLineIsInStock_HoldsEveryLine()
    {
        await StockAsync(_skuA, 10);
        await StockAsync(_skuB, 4);

        var result = await Port.ReserveAsync(NewId("order"), _location, [new(_skuA, 3), new(_skuB, 4)]);

        Assert.True(result.Reserved);
        Assert.Empty(result.ShortSkus);
        Assert.Equal(new StockLevel(_skuA, _location, 10, 3, 0), await LevelAsync(_skuA));
        Assert.Equal(new StockLevel(_skuB, _location, 4, 4, 0), await LevelAsync(_skuB));
    }

    [BehaviourFact]
    public async Task Reserve_WhenOneLineIsShort_ReservesNothingAndNamesTheShortSku()
    {
        await StockAsync(_skuA, 10);
        await StockAsync(_skuB, 1);

        var result = await Port.ReserveAsync(NewId("order"), _location, [new(_skuA, 3), new(_skuB, 2)]);

        Assert.False(result.Reserved);
        Assert.Equal([_skuB], result.ShortSkus);
        Assert.Equal(0, (await LevelAsync(_skuA)).Reserved);
        Assert.Equal(0, (await LevelAsync(_skuB)).Reserved);
    }

    [BehaviourFact]
    public async Task Reserve_WhenSkuIsUnknown_ReturnsItShortAndReservesNothing()
    {
        await StockAsync(_skuA, 10);
        var unknown = NewId("SKU-X");

        var result = await Port.ReserveAsync(NewId("order"), _location, [new(_skuA, 1), new(unknown, 1)]);

        Assert.False(result.Reserved);
        Assert.Equal([unknown], result.ShortSkus);
        Assert.Equal(0, (await LevelAsync(_skuA)).Reserved);
    }

    [BehaviourFact]
    public async Task Reserve_WhenLocationIsUnknown_ReturnsEverySkuShort()
    {
        await StockAsync(_skuA, 10);
        await StockAsync(_skuB, 10);

        var result = await Port.ReserveAsync(NewId("order"), NewId("nowhere"), [new(_skuA, 1), new(_skuB, 1)]);

        Assert.False(result.Reserved);
        Assert.Equal([_skuA, _skuB], result.ShortSkus);
    }

    [BehaviourFact]
    public async Task Reserve_WhenLinesRepeatASku_ChecksTheirSum()
    {
        await StockAsync(_skuA, 5);

        var result = await Port.ReserveAsync(NewId("order"), _location, [new(_skuA, 3), new(_skuA, 3)]);

        Assert.False(result.Reserved);
        Assert.Equal([_skuA], result.ShortSkus);
        Assert.Equal(0, (await LevelAsync(_skuA)).Reserved);
    }

    [BehaviourFact]
    public async Task Reserve_WhenCalledTwiceForOneOrder_HoldsStockOnce()
    {
        await StockAsync(_skuA, 10);
        var orderId = NewId("order");

        var first = await Port.ReserveAsync(orderId, _location, [new(_skuA, 4)]);
        var second = await Port.ReserveAsync(orderId, _location, [new(_skuA, 4)]);

        Assert.True(first.Reserved);
        Assert.True(second.Reserved);
        Assert.Equal(4, (await LevelAsync(_skuA)).Reserved);
    }

    [BehaviourFact]
    public async Task Reserve_AfterRelease_ReturnsTheFirstOutcomeWithoutHoldingAgain()
    {
        await StockAsync(_skuA, 10);
        var orderId = NewId("order");
        await Port.ReserveAsync(orderId, _location, [new(_skuA, 4)]);
        await Port.ReleaseAsync(orderId);

        var again = await Port.ReserveAsync(orderId, _location, [new(_skuA, 4)]);

        Assert.True(again.Reserved);
        Assert.Equal(new StockLevel(_skuA, _location, 10, 0, 0), await LevelAsync(_skuA));
    }

    [BehaviourFact]
    public async Task Reserve_AfterCommit_ReturnsTheFirstOutcomeWithoutHoldingAgain()
    {
        await StockAsync(_skuA, 10);
        var orderId = NewId("order");
        await Port.ReserveAsync(orderId, _location, [new(_skuA, 4)]);
        await Port.CommitAsync(orderId);

        var again = await Port.ReserveAsync(orderId, _location, [new(_skuA, 4)]);

        Assert.True(again.Reserved);
        Assert.Equal(new StockLevel(_skuA, _location, 6, 0, 4), await LevelAsync(_skuA));
    }

    [BehaviourFact]
    public async Task Reserve_AfterAShortage_ReturnsTheSameShortageEvenOnceRestocked()
    {
        await StockAsync(_skuA, 1);
        var orderId = NewId("order");
        var first = await Port.ReserveAsync(orderId, _location, [new(_skuA, 2)]);
        await StockAsync(_skuA, 10);

        var again = await Port.ReserveAsync(orderId, _location, [new(_skuA, 2)]);

        Assert.Equal(first.ShortSkus, again.ShortSkus);
        Assert.False(again.Reserved);
        Assert.Equal(0, (await LevelAsync(_skuA)).Reserved);
    }

    [BehaviourFact]
    public async Task Commit_WhenHeld_MovesTheUnitsFromOnHandToSold()
    {
        await StockAsync(_skuA, 10);
        var orderId = NewId("order");
        await Port.ReserveAsync(orderId, _location, [new(_skuA, 3)]);

        var committed = await Port.CommitAsync(orderId);

        Assert.True(committed);
        Assert.Equal(new StockLevel(_skuA, _location, 7, 0, 3), await LevelAsync(_skuA));
    }

    [BehaviourFact]
    public async Task Commit_WhenCalledTwice_CommitsOnce()
    {
        await StockAsync(_skuA, 10);
        var orderId = NewId("order");
        await Port.ReserveAsync(orderId, _location, [new(_skuA, 3)]);

        await Port.CommitAsync(orderId);
        var second = await Port.CommitAsync(orderId);

        Assert.False(second);
        Assert.Equal(new StockLevel(_skuA, _location, 7, 0, 3), await LevelAsync(_skuA));
    }

    [BehaviourFact]
    public async Task Commit_WhenNothingIsHeld_ReturnsFalse()
    {
        Assert.False(await Port.CommitAsync(NewId("order")));
    }

    [BehaviourFact]
    public async Task Commit_AfterRelease_ReturnsFalseAndChangesNothing()
    {
        await StockAsync(_skuA, 10);
        var orderId = NewId("order");
        await Port.ReserveAsync(orderId, _location, [new(_skuA, 3)]);
        await Port.ReleaseAsync(orderId);

        var committed = await Port.CommitAsync(orderId);

        Assert.False(committed);
        Assert.Equal(new StockLevel(_skuA, _location, 10, 0, 0), await LevelAsync(_skuA));
    }

    [BehaviourFact]
    public async Task Release_WhenHeld_ReturnsTheUnitsToAvailable()
    {
        await StockAsync(_skuA, 10);
        var orderId = NewId("order");
        await Port.ReserveAsync(orderId, _location, [new(_skuA, 3)]);

        var released = await Port.ReleaseAsync(orderId);

        Assert.True(released);
        Assert.Equal(10, (await LevelAsync(_skuA)).Available);
    }

    [BehaviourFact]
    public async Task Release_WhenCalledTwice_ReleasesOnce()
    {
        await StockAsync(_skuA, 10);
        var orderId = NewId("order");
        await Port.ReserveAsync(orderId, _location, [new(_skuA, 3)]);
        await Port.ReserveAsync(NewId("order"), _location, [new(_skuA, 2)]);

        await Port.ReleaseAsync(orderId);
        var second = await Port.ReleaseAsync(orderId);

        Assert.False(second);
        Assert.Equal(2, (await LevelAsync(_skuA)).Reserved);
    }

    [BehaviourFact]
    public async Task Release_AfterCommit_ReturnsFalseAndChangesNothing()
    {
        await StockAsync(_skuA, 10);
        var orderId = NewId("order");
        await Port.ReserveAsync(orderId, _location, [new(_skuA, 3)]);
        await Port.CommitAsync(orderId);

        var released = await Port.ReleaseAsync(orderId);

        Assert.False(released);
        Assert.Equal(new StockLevel(_skuA, _location, 7, 0, 3), await LevelAsync(_skuA));
    }

    [BehaviourFact]
    public async Task Release_WhenNothingIsHeld_ReturnsFalse()
    {
        Assert.False(await Port.ReleaseAsync(NewId("order")));
    }

    [BehaviourFact]
    public async Task SetOnHand_BelowWhatIsReserved_ThrowsStockConflictAndKeepsTheCount()
    {
        await StockAsync(_skuA, 10);
        await Port.ReserveAsync(NewId("order"), _location, [new(_skuA, 6)]);

        await Assert.ThrowsAsync<StockConflictException>(() => Port.SetOnHandAsync(_skuA, _location, 5));

        Assert.Equal(new StockLevel(_skuA, _location, 10, 6, 0), await LevelAsync(_skuA));
    }

    [BehaviourFact]
    public async Task SetOnHand_Negative_ThrowsStockConflict()
    {
        await Assert.ThrowsAsync<StockConflictException>(() => Port.SetOnHandAsync(_skuA, _location, -1));
    }

    [BehaviourFact]
    public async Task SetOnHand_ForANewSkuAndLocation_CreatesTheRow()
    {
        var level = await Port.SetOnHandAsync(_skuA, _location, 12);

        Assert.Equal(new StockLevel(_skuA, _location, 12, 0, 0), level);
        Assert.Equal([level], await Port.GetLevelsAsync(_skuA));
    }

    [BehaviourFact]
    public async Task SetOnHand_AtOrAboveWhatIsReserved_KeepsTheReservation()
    {
        await StockAsync(_skuA, 10);
        await Port.ReserveAsync(NewId("order"), _location, [new(_skuA, 6)]);

        var level = await Port.SetOnHandAsync(_skuA, _location, 6);

        Assert.Equal(new StockLevel(_skuA, _location, 6, 6, 0), level);
        Assert.Equal(0, level.Available);
    }

    [BehaviourFact]
    public async Task GetLevels_WhenSkuIsUnknown_ReturnsEmpty()
    {
        Assert.Empty(await Port.GetLevelsAsync(NewId("SKU-X")));
    }

    [BehaviourFact]
    public async Task GetLevels_WhenStockedAtSeveralLocations_ReturnsEachOnce()
    {
        var other = NewId("loc");
        await Port.SetOnHandAsync(_skuA, _location, 3);
        await Port.SetOnHandAsync(_skuA, other, 8);

        var levels = await Port.GetLevelsAsync(_skuA);

        Assert.Equal(
            new[] { new StockLevel(_skuA, _location, 3, 0, 0), new StockLevel(_skuA, other, 8, 0, 0) }.OrderBy(l => l.LocationId, StringComparer.Ordinal),
            levels.OrderBy(l => l.LocationId, StringComparer.Ordinal));
    }

    [BehaviourFact]
    public async Task Reserve_WhenFiftyOrdersRaceForFiveUnits_ExactlyFiveWin()
    {
        await StockAsync(_skuA, 5);

        var results = await RaceAsync(50, _ => Port.ReserveAsync(NewId("order"), _location, [new(_skuA, 1)]));

        Assert.Equal(5, results.Count(r => r.Reserved));
        Assert.Equal(new StockLevel(_skuA, _location, 5, 5, 0), await LevelAsync(_skuA));
    }

    [BehaviourFact]
    public async Task Reserve_WhenOneOrderIsReservedConcurrently_HoldsItOnce()
    {
        await StockAsync(_skuA, 10);
        var orderId = NewId("order");

        var results = await RaceAsync(20, _ => Port.ReserveAsync(orderId, _location, [new(_skuA, 2)]));

        Assert.All(results, r => Assert.True(r.Reserved));
        Assert.Equal(2, (await LevelAsync(_skuA)).Reserved);
    }

    [BehaviourFact]
    public async Task StockInvariant_UnderConcurrentReserveCommitAndRelease_HoldsAtEveryObservation()
    {
        const int stocked = 40;
        await StockAsync(_skuA, stocked);
        using var stop = new CancellationTokenSource();
        var observer = Task.Run(() => ObserveInvariantAsync(_skuA, stocked, stop.Token));

        var soldPerOrder = await RaceAsync(100, async index =>
        {
            var orderId = NewId("order");
            var quantity = 1 + (index % 3);
            if (!(await Port.ReserveAsync(orderId, _location, [new(_skuA, quantity)])).Reserved)
                return 0;
            if (index % 2 == 0)
                return await Port.CommitAsync(orderId) ? quantity : 0;
            await Port.ReleaseAsync(orderId);
            return 0;
        });
        await stop.CancelAsync();
        var observations = await observer;

        Assert.True(observations > 0);
        Assert.Equal(new StockLevel(_skuA, _location, stocked - soldPerOrder.Sum(), 0, soldPerOrder.Sum()), await LevelAsync(_skuA));
    }

    private async Task<int> ObserveInvariantAsync(string sku, int stocked, CancellationToken stop)
    {
        var observations = 0;
        do
        {
            var level = Assert.Single(await Port.GetLevelsAsync(sku, CancellationToken.None));
            Assert.InRange(level.Reserved, 0, level.OnHand);
            Assert.Equal(stocked, level.OnHand + level.Sold);
            observations++;
            await Task.Yield();
        }
        while (!stop.IsCancellationRequested);
        return observations;
    }

    private Task<StockLevel> StockAsync(string sku, int onHand) => Port.SetOnHandAsync(sku, _location, onHand);

    private async Task<StockLevel> LevelAsync(string sku) =>
        Assert.Single(await Port.GetLevelsAsync(sku), level => level.LocationId == _location);
}
