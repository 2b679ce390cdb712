using AsyncCommerce.Orders;

namespace AsyncCommerce.Api.Tests.Support;

/// <summary>The real event store, except that appending an <see cref="OrderPlaced"/> waits at <paramref name="placements"/>.</summary>
public sealed class GatedOrderEventStore(IOrderEventStore inner, Gate placements) : IOrderEventStore
{
    public async Task<OrderEvent> AppendAsync(string orderId, string eventId, DateTimeOffset occurredAt, OrderEventData data, CancellationToken cancellationToken = default)
    {
        if (data is OrderPlaced)
            await placements.PassAsync().WaitAsync(cancellationToken);
        return await inner.AppendAsync(orderId, eventId, occurredAt, data, cancellationToken);
    }

    public Task<IReadOnlyList<OrderEvent>> ReadAsync(string orderId, int afterSequence = 0, CancellationToken cancellationToken = default) =>
        inner.ReadAsync(orderId, afterSequence, cancellationToken);
}
