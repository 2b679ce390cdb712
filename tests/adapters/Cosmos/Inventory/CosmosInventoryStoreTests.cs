using System.Net;
using AsyncCommerce.Adapters.Cosmos.Inventory;
using AsyncCommerce.Adapters.Cosmos.Tests.Support;
using AsyncCommerce.Inventory;
using Microsoft.Azure.Cosmos;

namespace AsyncCommerce.Adapters.Cosmos.Tests.Inventory;

public sealed class CosmosInventoryStoreTests
{
    private const string Location = "store-001";
    private const string SkuA = "SKU-A";
    private const string SkuB = "SKU-B";
    private const string OrderId = "order-1";

    private readonly RecordingContainer _container = new RecordingContainer().Serve<StockDocument>().Serve<ReservationDocument>();

    [Fact]
    public async Task Reserve_WhenInStock_HoldsEachRowOnTheETagItReadThenRecordsTheDecision()
    {
        var store = Store();
        await store.SetOnHandAsync(SkuA, Location, 10);
        await store.SetOnHandAsync(SkuB, Location, 4);
        var (etagA, etagB) = (RowETag(SkuA), RowETag(SkuB));
        var before = _container.Writes.Count();
        string? pendingETag = null;
        _container.Intercept = Race.Before(IsReservationIn(ReservationState.Held), () => Task.FromResult(pendingETag = ReservationETag()));

        var result = await store.ReserveAsync(OrderId, Location, [new(SkuA, 3), new(SkuB, 4)]);

        Assert.True(result.Reserved);
        var writes = _container.Writes.Skip(before).ToList();
        Assert.Equal(
            [("Create", Reservations), ("Replace", Rows(SkuA)), ("Replace", Rows(SkuB)), ("Replace", Reservations)],
            writes.Select(write => (write.Operation, write.Partition)));
        Assert.Equal(ReservationState.Pending, writes[0].As<ReservationDocument>().State);
        Assert.Equal((etagA, 3, 3), (writes[1].IfMatchEtag, writes[1].As<StockDocument>().Reserved, writes[1].As<StockDocument>().HoldOf(OrderId)?.Quantity));
        Assert.Equal((etagB, 4), (writes[2].IfMatchEtag, writes[2].As<StockDocument>().Reserved));
        var decision = writes[3].As<ReservationDocument>();
        Assert.Equal(pendingETag, writes[3].IfMatchEtag);
        Assert.Equal(ReservationState.Held, decision.State);
        Assert.Equal([SkuA, SkuB], decision.HoldTokens.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Reserve_WhenALaterLineIsShort_TakesBackTheEarlierHoldAndRefuses()
    {
        var store = Store();
        await store.SetOnHandAsync(SkuA, Location, 10);
        await store.SetOnHandAsync(SkuB, Location, 1);
        var before = _container.Writes.Count();

        var result = await store.ReserveAsync(OrderId, Location, [new(SkuA, 3), new(SkuB, 2)]);

        Assert.False(result.Reserved);
        Assert.Equal([SkuB], result.ShortSkus);
        var writes = _container.Writes.Skip(before).ToList();
        Assert.Equal(
            [("Create", Reservations), ("Replace", Rows(SkuA)), ("Replace", Reservations), ("Replace", Rows(SkuA)), ("Replace", Reservations)],
            writes.Select(write => (write.Operation, write.Partition)));
        Assert.Equal(ReservationState.Refusing, writes[2].As<ReservationDocument>().State);
        Assert.Equal(0, writes[3].As<StockDocument>().Reserved);
        Assert.Equal(ReservationState.Refused, writes[4].As<ReservationDocument>().State);
        Assert.Equal(new StockLevel(SkuA, Location, 10, 0, 0), Row(SkuA).ToLevel());
        Assert.Empty(Row(SkuA).Holds!);
    }

    [Fact]
    public async Task Reserve_WhenAnotherOrderTakesTheLastUnitBetweenReadAndReplace_RereadsOn412AndRefuses()
    {
        var (store, rival) = (Store(), Store());
        await store.SetOnHandAsync(SkuA, Location, 1);
        _container.Intercept = Race.Before(
            request => request.Operation == "Replace" && request.Partition == Rows(SkuA),
            () => rival.ReserveAsync("order-rival", Location, [new(SkuA, 1)]));

        var result = await store.ReserveAsync(OrderId, Location, [new(SkuA, 1)]);

        Assert.False(result.Reserved);
        var holdsOfOurs = _container.Writes.Where(write => write.Partition == Rows(SkuA) && write.As<StockDocument>().HoldOf(OrderId) is not null);
        Assert.Single(holdsOfOurs);
        Assert.Equal(new StockLevel(SkuA, Location, 1, 1, 0), Row(SkuA).ToLevel());
        Assert.Equal(["order-rival"], Row(SkuA).Holds!.Keys);
    }

    [Fact]
    public async Task Reserve_RetriedAfterAFailureHalfWay_ResumesWithoutHoldingTwice()
    {
        var store = Store();
        await store.SetOnHandAsync(SkuA, Location, 10);
        await store.SetOnHandAsync(SkuB, Location, 10);
        _container.Intercept = Race.FailOnce(request => request.Operation == "Replace" && request.Partition == Rows(SkuB), HttpStatusCode.ServiceUnavailable);
        await Assert.ThrowsAsync<CosmosException>(() => store.ReserveAsync(OrderId, Location, [new(SkuA, 3), new(SkuB, 2)]));

        var retried = await store.ReserveAsync(OrderId, Location, [new(SkuA, 3), new(SkuB, 2)]);

        Assert.True(retried.Reserved);
        Assert.Equal(3, Row(SkuA).Reserved);
        Assert.Equal(2, Row(SkuB).Reserved);
        Assert.Equal(ReservationState.Held, Reservation().State);
    }

    [Fact]
    public async Task Reserve_WhenAConcurrentCallForTheSameOrderDecidesFirst_FollowsItAndHoldsOnce()
    {
        var (store, rival) = (Store(), Store());
        await store.SetOnHandAsync(SkuA, Location, 10);
        ReservationResult? rivals = null;
        _container.Intercept = Race.Before(
            request => request.Operation == "Replace" && request.Partition == Reservations,
            async () => rivals = await rival.ReserveAsync(OrderId, Location, [new(SkuA, 3)]));

        var ours = await store.ReserveAsync(OrderId, Location, [new(SkuA, 3)]);

        Assert.True(ours.Reserved);
        Assert.True(rivals?.Reserved);
        Assert.Equal(3, Row(SkuA).Reserved);
        Assert.Equal(Row(SkuA).HoldOf(OrderId)?.Token, Reservation().HoldTokenOf(SkuA));
    }

    [Fact]
    public async Task Reserve_WhenADuplicateCallHoldsAfterTheOrderWasAlreadyCommitted_TakesBackItsLateHold()
    {
        var (store, rival) = (Store(), Store());
        await store.SetOnHandAsync(SkuA, Location, 10);
        _container.Intercept = Race.Before(
            request => request.Operation == "Read" && request.Partition == Rows(SkuA),
            async () =>
            {
                await rival.ReserveAsync(OrderId, Location, [new(SkuA, 3)]);
                await rival.CommitAsync(OrderId);
            });

        var late = await store.ReserveAsync(OrderId, Location, [new(SkuA, 3)]);

        Assert.True(late.Reserved);
        var holdTokens = _container.Writes.Where(write => write.Partition == Rows(SkuA)).Select(write => write.As<StockDocument>().HoldOf(OrderId)?.Token).OfType<string>();
        Assert.Equal(2, holdTokens.Distinct().Count());
        Assert.Equal(new StockLevel(SkuA, Location, 7, 0, 3), Row(SkuA).ToLevel());
        Assert.Empty(Row(SkuA).Holds!);
        Assert.Equal(ReservationState.Committed, Reservation().State);
    }

    [Fact]
    public async Task Commit_WhenHeld_DecidesFirstThenSellsTheHoldOnTheRowsETag()
    {
        var store = Store();
        await store.SetOnHandAsync(SkuA, Location, 10);
        await store.ReserveAsync(OrderId, Location, [new(SkuA, 3)]);
        var (reservationETag, rowETag) = (ReservationETag(), RowETag(SkuA));
        var before = _container.Writes.Count();

        var committed = await store.CommitAsync(OrderId);

        Assert.True(committed);
        var writes = _container.Writes.Skip(before).ToList();
        Assert.Equal([("Replace", Reservations), ("Replace", Rows(SkuA)), ("Replace", Reservations)], writes.Select(write => (write.Operation, write.Partition)));
        Assert.Equal((reservationETag, ReservationState.Committing), (writes[0].IfMatchEtag, writes[0].As<ReservationDocument>().State));
        Assert.Equal(rowETag, writes[1].IfMatchEtag);
        Assert.Equal(ReservationState.Committed, writes[2].As<ReservationDocument>().State);
        Assert.Equal(new StockLevel(SkuA, Location, 7, 0, 3), Row(SkuA).ToLevel());
    }

    [Fact]
    public async Task Commit_RetriedAfterAFailureHalfWay_FinishesAndSellsOnce()
    {
        var store = Store();
        await store.SetOnHandAsync(SkuA, Location, 10);
        await store.ReserveAsync(OrderId, Location, [new(SkuA, 3)]);
        _container.Intercept = Race.FailOnce(IsReservationIn(ReservationState.Committed), HttpStatusCode.ServiceUnavailable);
        await Assert.ThrowsAsync<CosmosException>(() => store.CommitAsync(OrderId));

        var retried = await store.CommitAsync(OrderId);
        var again = await store.CommitAsync(OrderId);

        Assert.Equal((true, false), (retried, again));
        Assert.Equal(new StockLevel(SkuA, Location, 7, 0, 3), Row(SkuA).ToLevel());
        Assert.Equal(ReservationState.Committed, Reservation().State);
    }

    [Fact]
    public async Task Release_WhileACommitIsUnderWay_ReturnsFalseAndLeavesTheSale()
    {
        var store = Store();
        await store.SetOnHandAsync(SkuA, Location, 10);
        await store.ReserveAsync(OrderId, Location, [new(SkuA, 3)]);
        bool? released = null;
        _container.Intercept = Race.Before(IsReservationIn(ReservationState.Committed), async () => released = await store.ReleaseAsync(OrderId));

        Assert.True(await store.CommitAsync(OrderId));

        Assert.False(released);
        Assert.Equal(new StockLevel(SkuA, Location, 7, 0, 3), Row(SkuA).ToLevel());
    }

    [Fact]
    public async Task SetOnHand_WhenAReservationLandsBetweenReadAndReplace_RereadsAndRefusesACountBelowReserved()
    {
        var (store, rival) = (Store(), Store());
        await store.SetOnHandAsync(SkuA, Location, 10);
        _container.Intercept = Race.Before(
            request => request.Operation == "Replace" && request.Partition == Rows(SkuA),
            () => rival.ReserveAsync(OrderId, Location, [new(SkuA, 3)]));

        await Assert.ThrowsAsync<StockConflictException>(() => store.SetOnHandAsync(SkuA, Location, 2));

        Assert.Equal(new StockLevel(SkuA, Location, 10, 3, 0), Row(SkuA).ToLevel());
    }

    [Fact]
    public async Task Reserve_WhenTheRowReadAnswers429_PropagatesItAndReservesNothing()
    {
        // The SDK's own 429 retries run inside the client, below this mocked container; what is tested is the store's
        // part: a 429 that got through them is neither retried as a lost race nor hidden.
        var store = Store();
        await store.SetOnHandAsync(SkuA, Location, 10);
        _container.Intercept = Race.Fail(request => request.Operation == "Read" && request.Partition == Rows(SkuA), HttpStatusCode.TooManyRequests);

        var thrown = await Assert.ThrowsAsync<CosmosException>(() => store.ReserveAsync(OrderId, Location, [new(SkuA, 1)]));

        Assert.Equal(HttpStatusCode.TooManyRequests, thrown.StatusCode);
        Assert.Equal(0, Row(SkuA).Reserved);
    }

    [Fact]
    public async Task Reserve_WhenEveryRowReplaceLosesTheRace_GivesUpAfterTheConfiguredAttempts()
    {
        var store = Store(maxAttempts: 3);
        await store.SetOnHandAsync(SkuA, Location, 10);
        _container.Intercept = Race.Fail(request => request.Operation == "Replace" && request.Partition == Rows(SkuA), HttpStatusCode.PreconditionFailed);

        await Assert.ThrowsAsync<CosmosConcurrencyException>(() => store.ReserveAsync(OrderId, Location, [new(SkuA, 1)]));

        Assert.Equal(3, _container.Sent.Count(request => request.Operation == "Replace" && request.Partition == Rows(SkuA)));
        Assert.Equal(0, Row(SkuA).Reserved);
    }

    [Fact]
    public async Task AddMissingStock_CreatesOnlyTheRowsThatDoNotExist()
    {
        var store = Store();
        await store.SetOnHandAsync(SkuA, Location, 1);

        var created = await store.AddMissingStockAsync([new StockSeed(SkuA, Location, 25), new StockSeed(SkuB, Location, 25)]);

        Assert.Equal(1, created);
        Assert.Equal(1, Row(SkuA).OnHand);
        Assert.Equal(25, Row(SkuB).OnHand);
    }

    private static string Reservations => RecordingContainer.PartitionOf(ReservationDocument.PartitionValueOf(OrderId));

    private static string Rows(string sku) => RecordingContainer.PartitionOf(sku);

    private static Func<SentRequest, bool> IsReservationIn(ReservationState state) =>
        request => request.Operation == "Replace" && request.Partition == Reservations && request.As<ReservationDocument>().State == state;

    private CosmosInventoryStore Store(int maxAttempts = 5) => new(_container.Object, ConflictRetries.RetryAtOnce(maxAttempts));

    private StockDocument Row(string sku) => _container.Get<StockDocument>(sku, StockDocument.IdOf(Location))!;

    private string? RowETag(string sku) => _container.ETagOf(sku, StockDocument.IdOf(Location));

    private string? ReservationETag() => _container.ETagOf(ReservationDocument.PartitionValueOf(OrderId), ReservationDocument.ReservationId);

    private ReservationDocument Reservation() => _container.Get<ReservationDocument>(ReservationDocument.PartitionValueOf(OrderId), ReservationDocument.ReservationId)!;
}
