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
    private readonly RecordingOrderEventPublisher _bus = new();
    private readonly OrderEventRecorder _recorder;

    public OrderEventRecorderTests() =>
        _recorder = new OrderEventRecorder(_events, _views, _bus, NullLogger<OrderEventRecorder>.Instance);

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
    public async Task RecordAsync_NewEvent_PublishesTheStoredEvent()
    {
        var placed = await _recorder.RecordAsync(OrderId, "placed", Now, Placed(PickupAt(StoreId)));
        var reserved = await _recorder.RecordAsync(OrderId, "reserved", Now, new StockReserved(StoreId));

        Assert.Equal([placed, reserved], _bus.Published);
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
    public async Task RecordAsync_SameEventIdTwice_PublishesTheOriginalEventAgain()
    {
        var first = await _recorder.RecordAsync(OrderId, "placed", Now, Placed(PickupAt(StoreId)));

        var second = await _recorder.RecordAsync(OrderId, "placed", Now.AddMinutes(5), Placed(PickupAt("store-002")));

        // The bus's duplicate detection keys on the event id; a retried caller must re-publish what is stored.
        Assert.Equal(first, second);
        Assert.Equal([first, first], _bus.Published);
    }

    [Fact]
    public async Task RecordAsync_RetriedAfterPublishFailed_PublishesWithoutAppendingAgain()
    {
        await _recorder.RecordAsync(OrderId, "placed", Now, Placed(PickupAt(StoreId)));
        _bus.FailNext(1);
        await Assert.ThrowsAsync<InvalidOperationException>(() => _recorder.RecordAsync(OrderId, "reserved", Now, new StockReserved(StoreId)));

        var retried = await _recorder.RecordAsync(OrderId, "reserved", Now, new StockReserved(StoreId));

        Assert.Equal(2, (await _events.ReadAsync(OrderId)).Count);
        Assert.Equal(retried, _bus.Published[^1]);
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
}
