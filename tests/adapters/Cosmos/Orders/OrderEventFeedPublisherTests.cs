using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using AsyncCommerce.Adapters.Behaviours.Support;
using AsyncCommerce.Adapters.Cosmos.Orders;
using AsyncCommerce.Adapters.Cosmos.Tests.Support;
using AsyncCommerce.Notifications;
using AsyncCommerce.Orders;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;

namespace AsyncCommerce.Adapters.Cosmos.Tests.Orders;

/// <summary>
/// The change feed's batch of order-events documents in, order events out on the bus: the documents are the ones the
/// real <see cref="CosmosOrderEventStore"/> writes (heads, events, event-id markers), the bus a recording double.
/// </summary>
public sealed class OrderEventFeedPublisherTests
{
    private readonly RecordingContainer _container = new RecordingContainer()
        .Serve<StreamHeadDocument>()
        .Serve<EventIdDocument>()
        .Serve<OrderEventDocument>();

    private readonly RecordingBus _bus = new();
    private readonly FakeLogger<OrderEventFeedPublisher> _log = new();

    [Fact]
    public async Task Publish_EverythingTheStoreWroteForAnOrder_PublishesEachEventOnceAndNoHeadOrMarker()
    {
        var appended = await AppendAsync("order-1", 3);

        await Publisher().PublishAsync(Changes("order-1"), CancellationToken.None);

        Assert.Equal(appended, _bus.Published);
    }

    [Fact]
    public async Task Publish_AnOrdersEventsOutOfOrder_PublishesThemBySequence()
    {
        var appended = await AppendAsync("order-1", 4);

        await Publisher().PublishAsync([.. Enumerable.Reverse(Changes("order-1"))], CancellationToken.None);

        Assert.Equal(appended, _bus.Published);
    }

    [Fact]
    public async Task Publish_SeveralOrdersInOneBatch_PublishesEveryEventAndKeepsEachOrdersSequence()
    {
        var first = await AppendAsync("order-1", 5);
        var second = await AppendAsync("order-2", 5);
        var interleaved = Changes("order-1").Zip(Changes("order-2"), (a, b) => new[] { b, a }).SelectMany(pair => pair).ToList();

        await Publisher(maxConcurrentOrders: 2).PublishAsync(interleaved, CancellationToken.None);

        Assert.Equal(first, _bus.Published.Where(e => e.OrderId == "order-1"));
        Assert.Equal(second, _bus.Published.Where(e => e.OrderId == "order-2"));
        Assert.Equal(10, _bus.Published.Count);
    }

    [Fact]
    public async Task Publish_OnlyHeadsAndMarkers_PublishesNothing()
    {
        await AppendAsync("order-1", 2);
        var notEvents = Changes("order-1").Where(d => d.GetProperty("docType").GetString() != "event").ToList();

        await Publisher().PublishAsync(notEvents, CancellationToken.None);

        Assert.Equal(3, notEvents.Count);
        Assert.Empty(_bus.Published);
    }

    [Fact]
    public async Task Publish_WhenTheBusFailsOnAnEvent_ThrowsAndPublishesNoLaterEventOfThatOrder()
    {
        var appended = await AppendAsync("order-1", 3);
        _bus.FailWhen = e => e.Sequence == 2;

        await Assert.ThrowsAsync<InvalidOperationException>(() => Publisher().PublishAsync(Changes("order-1"), CancellationToken.None));

        Assert.Equal([appended[0]], _bus.Published);
        var warning = Assert.Single(_log.Collector.GetSnapshot(), r => r.Level == LogLevel.Warning);
        Assert.Equal("OrderEventPublishFailed", warning.Id.Name);
        Assert.Contains("order-1", warning.Message, StringComparison.Ordinal);
        Assert.IsType<InvalidOperationException>(warning.Exception);
    }

    [Fact]
    public async Task Publish_TheBatchAgainAfterAFailure_PublishesEveryEventUnderItsOwnEventIdAgain()
    {
        var appended = await AppendAsync("order-1", 3);
        var changes = Changes("order-1");
        _bus.FailWhen = e => e.Sequence == 3;
        await Assert.ThrowsAsync<InvalidOperationException>(() => Publisher().PublishAsync(changes, CancellationToken.None));

        _bus.FailWhen = _ => false;
        await Publisher().PublishAsync(changes, CancellationToken.None);

        // At least once: the repeats carry the same event id, the message id that duplicate detection drops.
        Assert.Equal([appended[0], appended[1], .. appended], _bus.Published);
    }

    [Fact]
    public async Task Publish_AfterEachOrderIsOut_LogsItsSequenceRangeWithTheOrderId()
    {
        await AppendAsync("order-1", 3);

        await Publisher().PublishAsync(Changes("order-1"), CancellationToken.None);

        var line = _log.LatestRecord;
        Assert.Equal(("OrderEventsPublishedFromFeed", 5101), (line.Id.Name, line.Id.Id));
        Assert.Equal("Order order-1: events 1..3 published from the change feed", line.Message);
    }

    [Fact]
    public async Task Publish_AnEventDocumentWithoutData_ThrowsAndLogsTheOrder()
    {
        var broken = Json("""{ "id": "0000000001", "orderId": "order-9", "docType": "event", "sequence": 1, "eventId": "evt-1", "occurredAt": "2025-01-01T09:00:00+00:00", "type": "StockReserved" }""");

        await Assert.ThrowsAsync<InvalidDataException>(() => Publisher().PublishAsync([broken], CancellationToken.None));

        var error = Assert.Single(_log.Collector.GetSnapshot(), r => r.Level == LogLevel.Error);
        Assert.Equal("OrderEventDocumentUnreadable", error.Id.Name);
        Assert.Contains("order-9", error.Message, StringComparison.Ordinal);
        Assert.Empty(_bus.Published);
    }

    [Fact]
    public async Task Publish_ChangesReadByTheClientsSerializer_KeepsTheEventsDespiteTheServicesSystemProperties()
    {
        var stored = OrderEventDocument.From(new OrderEvent("order-1", 1, "evt-1", OrderFacts.Epoch, new StockReserved("store-001")));
        var document = JsonSerializer.SerializeToNode(stored, CommerceJsonDefaults.Options)!.AsObject();
        document["_rid"] = "AbCdAA==";
        document["_etag"] = "\"00000000-0000-0000-0000-000000000000\"";
        document["_ts"] = 1735722000;
        document["_lsn"] = 7;
        // The processor hands the page's documents to the client's serializer as an array of the handler's type.
        var page = new MemoryStream(Encoding.UTF8.GetBytes($"[{document.ToJsonString()}]"));
        var changes = CosmosClientFactory.ClientOptions(new CosmosOptions()).Serializer!.FromStream<JsonElement[]>(page);

        await Publisher().PublishAsync(changes, CancellationToken.None);

        Assert.Equal([stored.ToEvent()], _bus.Published);
    }

    private OrderEventFeedPublisher Publisher(int maxConcurrentOrders = 8) =>
        new(_bus, Options.Create(new CosmosOptions { OrderEventFeed = new() { MaxConcurrentOrders = maxConcurrentOrders } }), _log);

    /// <summary>Appends <paramref name="count"/> events through the real store; returns them as appended.</summary>
    private async Task<List<OrderEvent>> AppendAsync(string orderId, int count)
    {
        var store = new CosmosOrderEventStore(_container.Object);
        var appended = new List<OrderEvent>();
        for (var index = 1; index <= count; index++)
            appended.Add(await store.AppendAsync(orderId, $"{orderId}-evt-{index}", OrderFacts.Epoch.AddMinutes(index), new StockReserved($"store-{index:000}")));
        return appended;
    }

    /// <summary>Every document of the order's partition, as the change feed would carry them (by id).</summary>
    private List<JsonElement> Changes(string orderId) => [.. _container.Documents<JsonElement>(orderId)];

    private static JsonElement Json(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    /// <summary>The message bus: records what is published, in order; fails the events <see cref="FailWhen"/> picks.</summary>
    private sealed class RecordingBus : IOrderEventPublisher
    {
        private readonly ConcurrentQueue<OrderEvent> _published = new();

        public Func<OrderEvent, bool> FailWhen { get; set; } = _ => false;

        public IReadOnlyList<OrderEvent> Published => [.. _published];

        public async Task PublishAsync(OrderEvent orderEvent, CancellationToken cancellationToken = default)
        {
            // A real send completes later: let other orders' publishes run in between.
            await Task.Yield();
            if (FailWhen(orderEvent))
                throw new InvalidOperationException($"The bus refused event {orderEvent.Sequence}.");
            _published.Enqueue(orderEvent);
        }
    }
}
