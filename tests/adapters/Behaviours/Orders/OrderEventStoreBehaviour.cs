using System.Text.Json;
using AsyncCommerce.Adapters.Behaviours.Support;
using AsyncCommerce.Orders;

namespace AsyncCommerce.Adapters.Behaviours.Orders;

/// <summary>What every <see cref="IOrderEventStore"/> does, whatever keeps the streams.</summary>
public abstract class OrderEventStoreBehaviour : PortBehaviour<IOrderEventStore>
{
    private readonly string _orderId = NewId("order");

    [BehaviourFact]
    public async Task Append_FirstEvent_GetsSequenceOne()
    {
        var placed = OrderFacts.Placed();

        var stored = await Port.AppendAsync(_orderId, "evt-1", OrderFacts.Epoch, placed);

        Assert.Equal(new OrderEvent(_orderId, 1, "evt-1", OrderFacts.Epoch, placed), stored);
    }

    [BehaviourFact]
    public async Task Append_SeveralEvents_NumbersThemFromOneWithoutGaps()
    {
        await AppendAsync("evt-1", OrderFacts.Placed());
        await AppendAsync("evt-2", new StockReserved("store-001"));
        var third = await AppendAsync("evt-3", new OrderConfirmed(FulfillmentType.Pickup));

        Assert.Equal(3, third.Sequence);
        Assert.Equal([1, 2, 3], (await Port.ReadAsync(_orderId)).Select(e => e.Sequence));
    }

    [BehaviourFact]
    public async Task Append_SameEventIdTwice_ReturnsTheStoredEventAndAppendsOnce()
    {
        await AppendAsync("evt-1", OrderFacts.Placed());
        var first = await AppendAsync("evt-2", new StockReserved("store-001"));

        var again = await Port.AppendAsync(_orderId, "evt-2", OrderFacts.Epoch.AddHours(1), new StockReserved("elsewhere"));

        Assert.Equal(first, again);
        Assert.Equal(2, (await Port.ReadAsync(_orderId)).Count);
    }

    [BehaviourFact]
    public async Task Append_SameEventIdInAnotherOrder_IsAnotherEvent()
    {
        var otherOrder = NewId("order");
        await AppendAsync("evt-1", OrderFacts.Placed());

        var other = await Port.AppendAsync(otherOrder, "evt-1", OrderFacts.Epoch, OrderFacts.Placed());

        Assert.Equal(otherOrder, other.OrderId);
        Assert.Equal(1, other.Sequence);
        Assert.Single(await Port.ReadAsync(_orderId));
    }

    [BehaviourFact]
    public async Task Read_AfterASequence_ReturnsOnlyNewerEventsOldestFirst()
    {
        await AppendAsync("evt-1", OrderFacts.Placed());
        await AppendAsync("evt-2", new StockReserved("store-001"));
        await AppendAsync("evt-3", new OrderConfirmed(FulfillmentType.Pickup));

        var newer = await Port.ReadAsync(_orderId, afterSequence: 1);

        Assert.Equal(["evt-2", "evt-3"], newer.Select(e => e.EventId));
        Assert.Equal([nameof(StockReserved), nameof(OrderConfirmed)], newer.Select(e => e.Type));
    }

    [BehaviourFact]
    public async Task Read_AfterTheLastSequence_ReturnsEmpty()
    {
        await AppendAsync("evt-1", OrderFacts.Placed());

        Assert.Empty(await Port.ReadAsync(_orderId, afterSequence: 1));
    }

    [BehaviourFact]
    public async Task Read_UnknownOrder_ReturnsEmpty()
    {
        Assert.Empty(await Port.ReadAsync(NewId("order")));
    }

    [BehaviourFact]
    public async Task Read_ThenAppend_LeavesTheEarlierReadUnchanged()
    {
        await AppendAsync("evt-1", OrderFacts.Placed());
        var before = await Port.ReadAsync(_orderId);

        await AppendAsync("evt-2", new StockReserved("store-001"));

        Assert.Single(before);
    }

    [BehaviourFact]
    public async Task Append_ConcurrentlyToOneOrder_NumbersEveryEventOnceWithoutGaps()
    {
        const int count = 100;

        var stored = await RaceAsync(count, index => AppendAsync($"evt-{index}", new PaymentMethodAdded(index, "card")));

        var stream = await Port.ReadAsync(_orderId);
        Assert.Equal(Enumerable.Range(1, count), stream.Select(e => e.Sequence));
        Assert.Equal(count, stream.Select(e => e.EventId).Distinct().Count());
        Assert.Equal(stream.OrderBy(e => e.EventId, StringComparer.Ordinal), stored.OrderBy(e => e.EventId, StringComparer.Ordinal));
    }

    [BehaviourFact]
    public async Task Append_SameEventConcurrently_StoresItOnce()
    {
        var stored = await RaceAsync(30, _ => AppendAsync("evt-1", OrderFacts.Placed()));

        // Compared as JSON: a store that serializes events returns equal values in new list instances.
        Assert.Single(stored.Select(e => JsonSerializer.Serialize(e, CommerceJsonDefaults.Options)).Distinct());
        Assert.Single(await Port.ReadAsync(_orderId));
    }

    private Task<OrderEvent> AppendAsync(string eventId, OrderEventData data) =>
        Port.AppendAsync(_orderId, eventId, OrderFacts.Epoch, data);
}
