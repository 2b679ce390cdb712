using AsyncCommerce.Orders;
using Azure;
using Azure.Data.Tables;

namespace AsyncCommerce.Adapters.AzureStorage.Orders;

/// <summary>
/// Marks an event id as used and where its event is (RowKey <c>id|{eventId}</c>): the point read that makes a
/// repeated append return the stored event, and (inserted in the append's transaction) a uniqueness guarantee for
/// the event id within the order.
/// </summary>
internal sealed class EventIdEntity : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string EventId { get; set; } = string.Empty;

    public int Sequence { get; set; }

    public static string RowKeyOf(string eventId) => $"id|{TableKeys.Escape(eventId)}";

    public static EventIdEntity For(OrderEvent stored) => new()
    {
        PartitionKey = TableKeys.Escape(stored.OrderId),
        RowKey = RowKeyOf(stored.EventId),
        EventId = stored.EventId,
        Sequence = stored.Sequence,
    };
}
