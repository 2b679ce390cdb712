using Azure;
using Azure.Data.Tables;

namespace AsyncCommerce.Adapters.AzureStorage.Orders;

/// <summary>
/// One per order that may have unpublished events, in the single partition <c>pending</c> of the outbox table
/// (RowKey = order id): the dispatcher's list is one partition query, never a scan of every stream.
/// </summary>
internal sealed class OutboxMarkerEntity : ITableEntity
{
    public const string PendingPartition = "pending";

    public string PartitionKey { get; set; } = PendingPartition;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string OrderId { get; set; } = string.Empty;

    public static string RowKeyOf(string orderId) => TableKeys.Escape(orderId);

    public static OutboxMarkerEntity For(string orderId) => new() { RowKey = RowKeyOf(orderId), OrderId = orderId };
}
