namespace AsyncCommerce.Orders;

/// <summary>Port: the append-only event stream of each order (the system of record).</summary>
public interface IOrderEventStore
{
    /// <summary>
    /// Appends <paramref name="data"/> at the end of the order's stream, unless an event with the same
    /// <paramref name="eventId"/> is already there; either way returns the stored event.
    /// </summary>
    Task<OrderEvent> AppendAsync(string orderId, string eventId, DateTimeOffset occurredAt, OrderEventData data, CancellationToken cancellationToken = default);

    /// <summary>The order's events with a sequence greater than <paramref name="afterSequence"/>, oldest first.</summary>
    Task<IReadOnlyList<OrderEvent>> ReadAsync(string orderId, int afterSequence = 0, CancellationToken cancellationToken = default);
}
