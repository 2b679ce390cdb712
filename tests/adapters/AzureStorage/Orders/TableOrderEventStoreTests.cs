using System.Text.Json;
using AsyncCommerce.Adapters.AzureStorage.Orders;
using AsyncCommerce.Adapters.AzureStorage.Tests.Support;
using AsyncCommerce.Adapters.Behaviours.Orders;
using AsyncCommerce.Adapters.Behaviours.Support;
using AsyncCommerce.Orders;
using Azure.Data.Tables;

namespace AsyncCommerce.Adapters.AzureStorage.Tests.Orders;

/// <summary>What the suite cannot see: the table layout, concurrency between store instances, and the limits of Tables.</summary>
public sealed class TableOrderEventStoreTests(AzuriteTables tables) : IClassFixture<AzuriteTables>
{
    private readonly string _orderId = $"order-{Guid.NewGuid():N}";

    [Fact]
    public async Task Append_ToANewOrder_WritesHeadEventAndEventIdMarkerInTheOrdersPartitionAndAnOutboxMarker()
    {
        await Store().AppendAsync(_orderId, "evt-1", OrderFacts.Epoch, new StockReserved("store-001"));

        var rows = await tables.OrderEvents.RowsAsync(_orderId);
        Assert.Equal(["0000000001", "head", "id|evt-1"], rows.Select(row => row.RowKey));
        var (stored, head, eventId) = (rows[0], rows[1], rows[2]);
        Assert.Equal("evt-1", stored.GetString("EventId"));
        Assert.Equal(nameof(StockReserved), stored.GetString("Type"));
        using (var data = JsonDocument.Parse(stored.GetString("Data")))
        {
            Assert.Equal(nameof(StockReserved), data.RootElement.GetProperty("$type").GetString());
            Assert.Equal("store-001", data.RootElement.GetProperty("locationId").GetString());
        }

        Assert.Equal(1, head.GetInt32("LastSequence"));
        Assert.Equal(0, head.GetInt32("PublishedSequence"));
        Assert.True(head.GetBoolean("Pending"));
        Assert.Equal(1, eventId.GetInt32("Sequence"));
        Assert.Equal(_orderId, (await tables.Outbox.RowAsync(OutboxMarkerEntity.PendingPartition, _orderId))?.GetString("OrderId"));
    }

    [Fact]
    public async Task Append_WhenARivalAppendsBetweenItsReadsAndItsTransaction_RetriesOnTheNewHeadAndTakesTheNextSequence()
    {
        var events = new InterceptedTableClient(tables.OrderEvents);
        var (store, rival) = (Store(events), Store());
        await store.AppendAsync(_orderId, "evt-0", OrderFacts.Epoch, OrderFacts.Placed());
        OrderEvent? rivals = null;
        events.Once(call => call.Operation == "Submit", async () => rivals = await rival.AppendAsync(_orderId, "evt-rival", OrderFacts.Epoch, new StockReserved("rival")));

        var ours = await store.AppendAsync(_orderId, "evt-ours", OrderFacts.Epoch, new StockReserved("ours"));

        Assert.Equal(2, rivals?.Sequence);
        Assert.Equal(3, ours.Sequence);
        // evt-0, then ours refused on the stale head ETag, then ours again after the rival.
        Assert.Equal(3, events.Calls.Count(call => call.Operation == "Submit"));
        Assert.Equal(["evt-0", "evt-rival", "evt-ours"], (await store.ReadAsync(_orderId)).Select(e => e.EventId));
    }

    [Fact]
    public async Task Append_FromTwoStoresOverTheSameTables_NumbersEveryEventOnceWithoutGaps()
    {
        const int count = 40;
        var stores = new[] { Store(), Store() };

        var stored = await Task.WhenAll(Enumerable.Range(0, count).Select(index =>
            Task.Run(() => stores[index % 2].AppendAsync(_orderId, $"evt-{index}", OrderFacts.Epoch, new PaymentMethodAdded(index, "card")))));

        var stream = await stores[1].ReadAsync(_orderId);
        Assert.Equal(Enumerable.Range(1, count), stream.Select(e => e.Sequence));
        Assert.Equal(Enumerable.Range(1, count), stored.Select(e => e.Sequence).Order());
        Assert.Equal(count, stream.Select(e => e.EventId).Distinct().Count());
    }

    [Fact]
    public async Task Append_NextEventOfAPendingStreamThisStoreWrote_IsOneTransactionAndNoRead()
    {
        var events = new InterceptedTableClient(tables.OrderEvents);
        var store = Store(events);
        await store.AppendAsync(_orderId, "evt-1", OrderFacts.Epoch, OrderFacts.Placed());
        var before = events.Calls.Count;

        var second = await store.AppendAsync(_orderId, "evt-2", OrderFacts.Epoch, new StockReserved("store-001"));

        Assert.Equal(2, second.Sequence);
        Assert.Equal(["Submit"], events.Calls.Skip(before).Select(call => call.Operation));
    }

    [Fact]
    public async Task Append_SameEventIdAgainOnAPendingStreamThisStoreWrote_ReturnsTheStoredEvent()
    {
        var store = Store();
        await store.AppendAsync(_orderId, "evt-1", OrderFacts.Epoch, OrderFacts.Placed());
        var stored = await store.AppendAsync(_orderId, "evt-2", OrderFacts.Epoch, new StockReserved("store-001"));

        var again = await store.AppendAsync(_orderId, "evt-2", OrderFacts.Epoch, new StockReserved("elsewhere"));

        Assert.Equal(stored, again);
        Assert.Equal(["evt-1", "evt-2"], (await store.ReadAsync(_orderId)).Select(e => e.EventId));
    }

    [Fact]
    public async Task Append_AfterAnotherStoreAppendedToTheSameStream_TakesTheNextSequence()
    {
        var (store, other) = (Store(), Store());
        await store.AppendAsync(_orderId, "evt-1", OrderFacts.Epoch, OrderFacts.Placed());
        await other.AppendAsync(_orderId, "evt-2", OrderFacts.Epoch, new StockReserved("store-001"));

        var third = await store.AppendAsync(_orderId, "evt-3", OrderFacts.Epoch, new OrderConfirmed(FulfillmentType.Delivery));

        Assert.Equal(3, third.Sequence);
        Assert.Equal([1, 2, 3], (await other.ReadAsync(_orderId)).Select(e => e.Sequence));
    }

    [Fact]
    public async Task MarkPublished_AfterAnotherStoreAppended_KeepsTheStreamPendingAboveTheMark()
    {
        var (store, other) = (Store(), Store());
        await store.AppendAsync(_orderId, "evt-1", OrderFacts.Epoch, OrderFacts.Placed());
        await other.AppendAsync(_orderId, "evt-2", OrderFacts.Epoch, new StockReserved("store-001"));

        // This store last saw the stream end at 1: marking 1 must not take the head it remembers for the stored one.
        await store.MarkPublishedAsync(_orderId, 1);

        Assert.Equal(new PendingStream(_orderId, 1), await OrderEventOutboxBehaviour.PendingOfAsync(other, _orderId));
    }

    [Fact]
    public async Task ReadUnpublished_AFewEventsOfAStreamThisStoreWrote_ReadsThemByKeyWithoutAQuery()
    {
        var events = new InterceptedTableClient(tables.OrderEvents);
        var store = Store(events);
        foreach (var index in Enumerable.Range(1, 3))
            await store.AppendAsync(_orderId, $"evt-{index}", OrderFacts.Epoch, new PaymentMethodAdded(index, "card"));
        var before = events.Calls.Count;

        var unpublished = await store.ReadUnpublishedAsync(_orderId, publishedSequence: 1);

        Assert.Equal([2, 3], unpublished.Select(e => e.Sequence));
        Assert.Equal(["Get", "Get"], events.Calls.Skip(before).Select(call => call.Operation));
    }

    [Fact]
    public async Task Append_WhenEveryTransactionLosesTheRace_ThrowsTableConcurrencyExceptionAfterTheConfiguredAttempts()
    {
        var events = new InterceptedTableClient(tables.OrderEvents);
        var store = Store(events, new TableConflictRetryOptions { MaxAttempts = 3, BaseDelay = TimeSpan.Zero });
        var rival = Store();
        await rival.AppendAsync(_orderId, "evt-0", OrderFacts.Epoch, OrderFacts.Placed());
        var rivals = 0;
        events.Before = call => call.Operation == "Submit"
            ? rival.AppendAsync(_orderId, $"evt-rival-{Interlocked.Increment(ref rivals)}", OrderFacts.Epoch, new StockReserved("rival"))
            : Task.CompletedTask;

        var error = await Assert.ThrowsAsync<TableConcurrencyException>(() => store.AppendAsync(_orderId, "evt-ours", OrderFacts.Epoch, new StockReserved("ours")));

        Assert.Contains("3 attempt(s)", error.Message, StringComparison.Ordinal);
        Assert.Equal(["evt-0", "evt-rival-1", "evt-rival-2", "evt-rival-3"], (await rival.ReadAsync(_orderId)).Select(e => e.EventId));
    }

    [Fact]
    public async Task Append_EventDataOverTheStringPropertyLimit_ThrowsAndWritesNothing()
    {
        var lines = Enumerable.Range(0, 2_000).Select(index => new OrderLine($"SKU-{index:D6}", 1, 1m, 1m)).ToArray();
        var oversized = OrderFacts.Placed() with { Lines = lines };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => Store().AppendAsync(_orderId, "evt-1", OrderFacts.Epoch, oversized));

        Assert.Contains("64 KiB", error.Message, StringComparison.Ordinal);
        Assert.Empty(await tables.OrderEvents.RowsAsync(_orderId));
        Assert.Null(await tables.Outbox.RowAsync(OutboxMarkerEntity.PendingPartition, _orderId));
    }

    [Fact]
    public async Task Append_IdsWithCharactersTablesForbidInKeys_RoundTrip()
    {
        var store = Store();
        var orderId = $"order/{Guid.NewGuid():N}#1?a\\b%c\u0001";
        var stored = await store.AppendAsync(orderId, "evt/1?#\t", OrderFacts.Epoch, new StockReserved("store-001"));

        var again = await store.AppendAsync(orderId, "evt/1?#\t", OrderFacts.Epoch, new StockReserved("elsewhere"));

        Assert.Equal(stored, again);
        Assert.Equal(new[] { stored }, await store.ReadAsync(orderId));
        Assert.Equal(new PendingStream(orderId, 0), await OrderEventOutboxBehaviour.PendingOfAsync(store, orderId));
    }

    [Fact]
    public async Task Read_ReturnsOccurredAtWithTheOffsetItWasAppendedWith()
    {
        var occurredAt = new DateTimeOffset(2025, 3, 1, 10, 0, 0, TimeSpan.FromHours(2)).AddTicks(1_234_567);
        await Store().AppendAsync(_orderId, "evt-1", occurredAt, new StockReserved("store-001"));

        var read = Assert.Single(await Store().ReadAsync(_orderId));

        Assert.Equal((occurredAt.Ticks, occurredAt.Offset), (read.OccurredAt.Ticks, read.OccurredAt.Offset));
    }

    private TableOrderEventStore Store(TableClient? events = null, TableConflictRetryOptions? retry = null) =>
        new(events ?? tables.OrderEvents, tables.Outbox, retry ?? AzuriteTables.ConflictRetry);
}
