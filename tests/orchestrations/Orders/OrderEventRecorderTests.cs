using AsyncCommerce.Adapters.InMemory.Orders;
using AsyncCommerce.Orders;
using AsyncCommerce.Payments;
using Microsoft.Extensions.Logging.Abstractions;
using static AsyncCommerce.Orchestrations.Tests.OrderEventsBuilder;

namespace AsyncCommerce.Orchestrations.Tests.Orders;

public sealed class OrderEventRecorderTests
{
    private static readonly DateTimeOffset Now = PlacedAt;

    private readonly InMemoryOrderEventStore _events = new();
    private readonly InMemoryOrderViewStore _views = new();
    private readonly OrderViewChanges _viewChanges = new();
    private readonly OrderEventRecorder _recorder;

    public OrderEventRecorderTests() =>
        _recorder = new OrderEventRecorder(_events, _views, new OutboxSignal(), _viewChanges, NullLogger<OrderEventRecorder>.Instance);

    [Fact]
    public async Task RecordAsync_WhileAReaderWaitsOnTheOrder_WakesItAfterTheViewIsSaved()
    {
        await _recorder.RecordAsync(OrderId, "placed", Now, Placed(PickupAt(StoreId)));
        using var waiting = _viewChanges.Subscribe(OrderId);

        await _recorder.RecordAsync(OrderId, "reserved", Now.AddMinutes(1), new StockReserved(StoreId));

        Assert.True(waiting.Changed.IsCompleted);
        Assert.Equal(2, (await _views.GetAsync(OrderId))!.Version);
    }

    [Fact]
    public async Task RecordAsync_FactsThatHappenTogether_AppendsEachInOrderAndSavesTheViewOnce()
    {
        var views = new SaveCountingViewStore(_views);
        var recorder = new OrderEventRecorder(_events, views, new OutboxSignal(), _viewChanges, NullLogger<OrderEventRecorder>.Instance);
        await recorder.RecordAsync(OrderId, "placed", Now, Placed(PickupAt(StoreId)));

        var last = await recorder.RecordAsync(OrderId, [new("committed", Now, new StockCommitted(StoreId)), new("completed", Now, new OrderCompleted())]);

        Assert.Equal([nameof(OrderPlaced), nameof(StockCommitted), nameof(OrderCompleted)], (await _events.ReadAsync(OrderId)).Select(e => e.Type));
        Assert.Equal((3, "completed"), (last.Sequence, last.EventId));
        Assert.Equal(2, views.Saves);
        Assert.Equivalent(OrderProjection.Apply(null, await _events.ReadAsync(OrderId)), await _views.GetAsync(OrderId), strict: true);
    }

    [Fact]
    public async Task RecordAsync_FactsOfWhichAnEarlierRunRecordedTheFirst_RecordsTheRestAndProjectsThem()
    {
        await _recorder.RecordAsync(OrderId, "placed", Now, Placed(PickupAt(StoreId)));
        var crashedRun = new OrderEventRecorder(_events, _views, new OutboxSignal(), new OrderViewChanges(), NullLogger<OrderEventRecorder>.Instance);
        await crashedRun.RecordAsync(OrderId, "attempt", Now, new PaymentAttempted(0, "card", PaymentOutcome.Approved, null));

        await _recorder.RecordAsync(OrderId, [new("attempt", Now, new PaymentAttempted(0, "card", PaymentOutcome.Approved, null)), new("confirmed", Now, new OrderConfirmed(FulfillmentType.Pickup))]);

        Assert.Equal([nameof(OrderPlaced), nameof(PaymentAttempted), nameof(OrderConfirmed)], (await _events.ReadAsync(OrderId)).Select(e => e.Type));
        Assert.Equivalent(OrderProjection.Apply(null, await _events.ReadAsync(OrderId)), await _views.GetAsync(OrderId), strict: true);
    }

    [Fact]
    public async Task RecordAsync_NewEvent_AppendsItToTheStream()
    {
        var placed = Placed(PickupAt(StoreId));

        await _recorder.RecordAsync(OrderId, "placed", Now, placed);

        var stored = Assert.Single(await _events.ReadAsync(OrderId));
        Assert.Equal(new OrderEvent(OrderId, 1, "placed", Now, placed), stored);
    }

    [Fact]
    public async Task RecordAsync_NewEvent_ReturnsTheStoredEventWithItsSequence()
    {
        await _recorder.RecordAsync(OrderId, "placed", Now, Placed(PickupAt(StoreId)));

        var stored = await _recorder.RecordAsync(OrderId, "reserved", Now.AddMinutes(1), new StockReserved(StoreId));

        Assert.Equal(new OrderEvent(OrderId, 2, "reserved", Now.AddMinutes(1), new StockReserved(StoreId)), stored);
    }

    [Fact]
    public async Task RecordAsync_NewEvent_BringsTheReadModelUpToDate()
    {
        await _recorder.RecordAsync(OrderId, "placed", Now, Placed(PickupAt(StoreId)));

        await _recorder.RecordAsync(OrderId, "reserved", Now.AddMinutes(1), new StockReserved(StoreId));

        var view = await _views.GetAsync(OrderId);
        Assert.Equal(OrderStatus.Processing, view?.Status);
        Assert.Equal(2, view?.Version);
        Assert.Equal(Now.AddMinutes(1), view?.UpdatedAt);
    }

    [Fact]
    public async Task RecordAsync_AfterAnotherProcessRecordedEventsOfTheSameOrder_ProjectsEveryEvent()
    {
        var otherProcess = new OrderEventRecorder(_events, _views, new OutboxSignal(), new OrderViewChanges(), NullLogger<OrderEventRecorder>.Instance);
        await _recorder.RecordAsync(OrderId, "placed", Now, Placed(PickupAt(StoreId)));
        await _recorder.RecordAsync(OrderId, "reserved", Now.AddMinutes(1), new StockReserved(StoreId));
        await otherProcess.RecordAsync(OrderId, "method-added", Now.AddMinutes(2), new PaymentMethodAdded(1, "card"));

        // This recorder's last view is version 2; the stored one is version 3 by now.
        await _recorder.RecordAsync(OrderId, "confirmed", Now.AddMinutes(3), new OrderConfirmed(FulfillmentType.Pickup));

        Assert.Equivalent(OrderProjection.Apply(null, await _events.ReadAsync(OrderId)), await _views.GetAsync(OrderId), strict: true);
        Assert.Equal(4, (await _views.GetAsync(OrderId))?.Version);
    }

    [Fact]
    public async Task RecordAsync_SameEventAgainAfterLaterEvents_LeavesTheViewAsItIs()
    {
        await _recorder.RecordAsync(OrderId, "placed", Now, Placed(PickupAt(StoreId)));
        await _recorder.RecordAsync(OrderId, "reserved", Now.AddMinutes(1), new StockReserved(StoreId));
        var before = await _views.GetAsync(OrderId);

        await _recorder.RecordAsync(OrderId, "placed", Now, Placed(PickupAt(StoreId)));

        Assert.Equivalent(before, await _views.GetAsync(OrderId), strict: true);
    }

    [Fact]
    public async Task RecordAsync_NewEvents_LeaveTheStreamPendingInTheOutboxFromTheStart()
    {
        await _recorder.RecordAsync(OrderId, "placed", Now, Placed(PickupAt(StoreId)));
        await _recorder.RecordAsync(OrderId, "reserved", Now, new StockReserved(StoreId));

        // Recording never publishes: the dispatcher publishes from the outbox, so a bus that is down cannot fail a step.
        Assert.Equal([new PendingStream(OrderId, 0)], await _events.ListPendingAsync(10));
    }

    [Fact]
    public async Task RecordAsync_SameEventIdTwice_AppendsOnce()
    {
        await _recorder.RecordAsync(OrderId, "placed", Now, Placed(PickupAt(StoreId)));
        await _recorder.RecordAsync(OrderId, "attempt-0-1", Now, new PaymentAttempted(0, "card", PaymentOutcome.Declined, "card_declined"));

        await _recorder.RecordAsync(OrderId, "attempt-0-1", Now, new PaymentAttempted(0, "card", PaymentOutcome.Declined, "card_declined"));

        Assert.Equal(["placed", "attempt-0-1"], (await _events.ReadAsync(OrderId)).Select(e => e.EventId));
    }

    [Fact]
    public async Task RecordAsync_SameEventIdTwice_ProjectsItOnce()
    {
        await _recorder.RecordAsync(OrderId, "placed", Now, Placed(PickupAt(StoreId)));
        await _recorder.RecordAsync(OrderId, "attempt-0-1", Now, new PaymentAttempted(0, "card", PaymentOutcome.Declined, "card_declined"));

        await _recorder.RecordAsync(OrderId, "attempt-0-1", Now, new PaymentAttempted(0, "card", PaymentOutcome.Declined, "card_declined"));

        var view = await _views.GetAsync(OrderId);
        Assert.Single(view!.Payment.Attempts);
    }

    [Fact]
    public async Task ProjectAsync_ViewBehindTheStream_AppliesEveryNewerEvent()
    {
        var stream = PickupOrder().ThenAuthorized().Then(new OrderConfirmed(FulfillmentType.Pickup));
        await stream.AppendToAsync(_events);

        await _recorder.ProjectAsync(OrderId);

        OrderViewAssert.Equal(stream.Project(), await _views.GetAsync(OrderId));
    }

    [Fact]
    public async Task ProjectAsync_UnknownOrder_StoresNoView()
    {
        await _recorder.ProjectAsync("order-unknown");

        Assert.Null(await _views.GetAsync("order-unknown"));
    }

    /// <summary>Counts the views saved, to show facts recorded together cost one save.</summary>
    private sealed class SaveCountingViewStore(IOrderViewStore inner) : IOrderViewStore
    {
        public int Saves { get; private set; }

        public Task<OrderView?> GetAsync(string orderId, CancellationToken cancellationToken = default) => inner.GetAsync(orderId, cancellationToken);

        public Task SaveAsync(OrderView view, CancellationToken cancellationToken = default)
        {
            Saves++;
            return inner.SaveAsync(view, cancellationToken);
        }

        public Task<IReadOnlyList<OrderView>> ListPickupsAsync(string storeId, OrderStatus? status, CancellationToken cancellationToken = default) =>
            inner.ListPickupsAsync(storeId, status, cancellationToken);
    }
}
