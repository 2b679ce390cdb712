using System.Text.Json.Serialization;

namespace AsyncCommerce.Orders;

/// <summary>
/// One entry of an order's stream. <see cref="EventId"/> is chosen by the writer and makes appends
/// idempotent (an at-least-once activity may append the same fact twice); <see cref="Sequence"/> is
/// assigned by the store, gap-free from 1. <see cref="TraceParent"/> is the W3C trace context the event was
/// recorded in (null with telemetry off): the stream is an outbox, and whoever publishes the event later, in
/// whatever process, continues the order's trace from it.
/// </summary>
public sealed record OrderEvent(
    string OrderId,
    int Sequence,
    string EventId,
    DateTimeOffset OccurredAt,
    OrderEventData Data,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? TraceParent = null)
{
    public string Type => Data.Type;
}
