using AsyncCommerce.Adapters.AzureStorage.Orders;
using AsyncCommerce.Adapters.AzureStorage.Tests.Support;
using AsyncCommerce.Adapters.Behaviours.Orders;
using AsyncCommerce.Adapters.Behaviours.Support;
using AsyncCommerce.Orders;
using Azure.Data.Tables;

namespace AsyncCommerce.Adapters.AzureStorage.Tests.Orders;

/// <summary>
/// The outbox protocol of <see cref="TableOrderEventStore"/> (its remarks), one interleaving at a time: a rival
/// append or mark is run right before one request of the store under test, so that request meets what it wrote.
/// </summary>
public sealed class TableOrderEventOutboxTests(AzuriteTables tables) : IClassFixture<AzuriteTables>
{
    private readonly string _orderId = $"order-{Guid.NewGuid():N}";

    [Fact]
    public async Task MarkPublished_BetweenAnAppendsMarkerUpsertAndItsTransaction_MakesTheAppendRewriteTheMarker()
    {
        var events = new InterceptedTableClient(tables.OrderEvents);
        var (appender, publisher) = (Store(events), Store());
        await appender.AppendAsync(_orderId, "evt-1", OrderFacts.Epoch, OrderFacts.Placed());
        await publisher.MarkPublishedAsync(_orderId, 1);
        // The mark finds the stream caught up and changes nothing in the head, yet writes it: that write is what
        // refuses the append's transaction, whose marker the mark is about to delete.
        events.Once(call => call.Operation == "Submit", () => publisher.MarkPublishedAsync(_orderId, 1));

        await appender.AppendAsync(_orderId, "evt-2", OrderFacts.Epoch, new StockReserved("store-001"));

        Assert.Equal(new PendingStream(_orderId, 1), await PendingOfAsync(_orderId));
        Assert.Equal(3, events.Calls.Count(call => call.Operation == "Submit"));
    }

    [Fact]
    public async Task MarkPublished_WhenAnAppendCommitsBetweenItsReadsAndItsHeadWrite_RetriesAndKeepsTheStreamPending()
    {
        var events = new InterceptedTableClient(tables.OrderEvents);
        var (publisher, appender) = (Store(events), Store());
        await appender.AppendAsync(_orderId, "evt-1", OrderFacts.Epoch, OrderFacts.Placed());
        events.Once(IsHeadWrite, () => appender.AppendAsync(_orderId, "evt-2", OrderFacts.Epoch, new StockReserved("store-001")));

        await publisher.MarkPublishedAsync(_orderId, 1);

        Assert.Equal(new PendingStream(_orderId, 1), await PendingOfAsync(_orderId));
        Assert.Equal(2, events.Calls.Count(IsHeadWrite));
        Assert.Equal([1, 2], (await appender.ReadAsync(_orderId)).Select(e => e.Sequence));
    }

    [Fact]
    public async Task MarkPublished_WhenAnAppendRewritesTheMarkerBeforeItsDelete_LeavesTheMarker()
    {
        var outbox = new InterceptedTableClient(tables.Outbox);
        var (publisher, appender) = (Store(outbox: outbox), Store());
        await appender.AppendAsync(_orderId, "evt-1", OrderFacts.Epoch, OrderFacts.Placed());
        outbox.Once(call => call.Operation == "Delete", () => appender.AppendAsync(_orderId, "evt-2", OrderFacts.Epoch, new StockReserved("store-001")));

        await publisher.MarkPublishedAsync(_orderId, 1);

        Assert.Contains(outbox.Calls, call => call.Operation == "Delete");
        Assert.Equal(new PendingStream(_orderId, 1), await PendingOfAsync(_orderId));
    }

    [Fact]
    public async Task ListPending_QueriesTheOutboxPartitionAndPointReadsHeads_NeverScansTheEvents()
    {
        var (events, outbox) = (new InterceptedTableClient(tables.OrderEvents), new InterceptedTableClient(tables.Outbox));
        await Store().AppendAsync(_orderId, "evt-1", OrderFacts.Epoch, OrderFacts.Placed());

        await Store(events, outbox).ListPendingAsync(max: 1_000);

        Assert.Equal([new TableCall("Query", Filter: "PartitionKey eq 'pending'")], outbox.Calls);
        Assert.NotEmpty(events.Calls);
        Assert.All(events.Calls, call => Assert.Equal(new TableCall("Get", StreamHeadEntity.HeadRowKey), call));
    }

    [Fact]
    public async Task ListPending_MarkerOfAnAppendThatCrashedOnANewStream_IsSkippedAndKept()
    {
        var events = new InterceptedTableClient(tables.OrderEvents);
        events.Once(call => call.Operation == "Submit", () => throw new IOException("The host died."));
        await Assert.ThrowsAsync<IOException>(() => Store(events).AppendAsync(_orderId, "evt-1", OrderFacts.Epoch, OrderFacts.Placed()));

        Assert.Null(await PendingOfAsync(_orderId));
        Assert.NotNull(await tables.Outbox.RowAsync(OutboxMarkerEntity.PendingPartition, _orderId));
        await Store().AppendAsync(_orderId, "evt-1", OrderFacts.Epoch, OrderFacts.Placed());
        Assert.Equal(new PendingStream(_orderId, 0), await PendingOfAsync(_orderId));
    }

    [Fact]
    public async Task ListPending_CaughtUpStreamWithTheMarkerOfACrashedAppend_IsListedUntilMarkedAgain()
    {
        var store = Store();
        await store.AppendAsync(_orderId, "evt-1", OrderFacts.Epoch, OrderFacts.Placed());
        await store.MarkPublishedAsync(_orderId, 1);
        var events = new InterceptedTableClient(tables.OrderEvents);
        events.Once(call => call.Operation == "Submit", () => throw new IOException("The host died."));
        await Assert.ThrowsAsync<IOException>(() => Store(events).AppendAsync(_orderId, "evt-2", OrderFacts.Epoch, new StockReserved("store-001")));

        Assert.Equal(new PendingStream(_orderId, 1), await PendingOfAsync(_orderId));
        await store.MarkPublishedAsync(_orderId, 1);
        Assert.Null(await PendingOfAsync(_orderId));
        Assert.Null(await tables.Outbox.RowAsync(OutboxMarkerEntity.PendingPartition, _orderId));
    }

    [Fact]
    public async Task MarkPublished_AboveTheLastSequence_StopsAtTheStreamsEnd()
    {
        var store = Store();
        await store.AppendAsync(_orderId, "evt-1", OrderFacts.Epoch, OrderFacts.Placed());
        await store.MarkPublishedAsync(_orderId, 5);

        await store.AppendAsync(_orderId, "evt-2", OrderFacts.Epoch, new StockReserved("store-001"));

        Assert.Equal(new PendingStream(_orderId, 1), await PendingOfAsync(_orderId));
    }

    private static bool IsHeadWrite(TableCall call) => call is { Operation: "Update", RowKey: StreamHeadEntity.HeadRowKey };

    private Task<PendingStream?> PendingOfAsync(string orderId) => OrderEventOutboxBehaviour.PendingOfAsync(Store(), orderId);

    private TableOrderEventStore Store(TableClient? events = null, TableClient? outbox = null) =>
        new(events ?? tables.OrderEvents, outbox ?? tables.Outbox, AzuriteTables.ConflictRetry);
}
