using System.Globalization;
using AsyncCommerce.Orders;
using Azure;
using Azure.Data.Tables;

namespace AsyncCommerce.Adapters.AzureStorage.Orders;

/// <summary>
/// An event of the stream. Its RowKey is the sequence zero-padded to 10 digits, so RowKey order (the order a
/// partition query returns) is stream order, and digits sort before the head's and the event-id markers' RowKeys.
/// </summary>
internal sealed class OrderEventEntity : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string OrderId { get; set; } = string.Empty;

    public int Sequence { get; set; }

    public string EventId { get; set; } = string.Empty;

    public string Type { get; set; } = string.Empty;

    /// <summary>Round-trip text (see <see cref="TableTimestamps"/>).</summary>
    public string OccurredAt { get; set; } = string.Empty;

    /// <summary>The <see cref="OrderEventData"/> as polymorphic JSON (with its <c>$type</c>).</summary>
    public string Data { get; set; } = string.Empty;

    /// <summary>The W3C trace context the event was recorded in; absent with telemetry off.</summary>
    public string? TraceParent { get; set; }

    /// <summary>The highest RowKey an event can have: every event RowKey sorts at or below it, the head's and markers' above.</summary>
    public static string LastRowKey { get; } = RowKeyOf(int.MaxValue);

    public static string RowKeyOf(int sequence) => sequence.ToString("D10", CultureInfo.InvariantCulture);

    /// <summary>The JSON of an event's data, checked against the string property limit before anything is written.</summary>
    public static string DataJson(string orderId, string eventId, OrderEventData data) =>
        TableJson.Serialize(data, $"The {data.Type} event {eventId} of order {orderId}");

    public static OrderEventEntity From(OrderEvent stored, string dataJson) => new()
    {
        PartitionKey = TableKeys.Escape(stored.OrderId),
        RowKey = RowKeyOf(stored.Sequence),
        OrderId = stored.OrderId,
        Sequence = stored.Sequence,
        EventId = stored.EventId,
        Type = stored.Type,
        OccurredAt = TableTimestamps.Format(stored.OccurredAt),
        Data = dataJson,
        TraceParent = stored.TraceParent,
    };

    public OrderEvent ToEvent() =>
        new(OrderId, Sequence, EventId, TableTimestamps.Parse(OccurredAt), TableJson.Deserialize<OrderEventData>(Data, $"Event {Sequence} of order {OrderId}"), TraceParent);
}
