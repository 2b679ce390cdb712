namespace AsyncCommerce.Orders;

/// <summary>
/// One entry of an order's stream. <see cref="EventId"/> is chosen by the writer and makes appends
/// idempotent (an at-least-once activity may append the same fact twice); <see cref="Sequence"/> is
/// assigned by the store, gap-free from 1.
/// </summary>
public sealed record OrderEvent(string OrderId, int Sequence, string EventId, DateTimeOffset OccurredAt, OrderEventData Data)
{
    public string Type => Data.Type;
}
