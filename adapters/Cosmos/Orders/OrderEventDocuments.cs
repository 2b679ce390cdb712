using System.Globalization;
using System.Text.Json.Serialization;
using AsyncCommerce.Orders;

namespace AsyncCommerce.Adapters.Cosmos.Orders;

/// <summary>The kinds of document in an order's partition of the order-events container.</summary>
internal static class OrderStreamDocumentTypes
{
    public const string Head = "streamHead";
    public const string Event = "event";
    public const string EventId = "eventId";
}

/// <summary>
/// One per order: the last sequence of its stream. Every append replaces it on its ETag, in the same transactional
/// batch as the event, which is what keeps two writers from both appending the same sequence.
/// </summary>
internal sealed record StreamHeadDocument(string Id, string OrderId, string DocType, int LastSequence)
{
    public const string HeadId = "head";

    public static StreamHeadDocument At(string orderId, int lastSequence) => new(HeadId, orderId, OrderStreamDocumentTypes.Head, lastSequence);
}

/// <summary>An event of the stream; its id is the zero-padded sequence, so ids sort like the stream.</summary>
internal sealed record OrderEventDocument(
    string Id,
    string OrderId,
    string DocType,
    int Sequence,
    string EventId,
    DateTimeOffset OccurredAt,
    string Type,
    OrderEventData Data,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? TraceParent = null)
{
    public static string IdOf(int sequence) => sequence.ToString("D10", CultureInfo.InvariantCulture);

    public static OrderEventDocument From(OrderEvent stored) =>
        new(IdOf(stored.Sequence), stored.OrderId, OrderStreamDocumentTypes.Event, stored.Sequence, stored.EventId, stored.OccurredAt, stored.Type, stored.Data, stored.TraceParent);

    public OrderEvent ToEvent() => new(OrderId, Sequence, EventId, OccurredAt, Data, TraceParent);
}

/// <summary>
/// Marks an event id as used and where its event is: the point read that makes a repeated append return the stored
/// event, and (created in the append's batch) a uniqueness guarantee for the event id within the order.
/// </summary>
internal sealed record EventIdDocument(string Id, string OrderId, string DocType, string EventId, int Sequence)
{
    public static string IdOf(string eventId) => $"eventId:{CosmosId.Escape(eventId)}";

    public static EventIdDocument For(OrderEvent stored) => new(IdOf(stored.EventId), stored.OrderId, OrderStreamDocumentTypes.EventId, stored.EventId, stored.Sequence);
}
