using AsyncCommerce.Orders;
using Azure;
using Azure.Data.Tables;

namespace AsyncCommerce.Adapters.AzureStorage.Orders;

/// <summary>
/// A pickup order in its store's queue (PartitionKey = store id, RowKey = order id): the view's status to filter on
/// and the whole view, so a store's queue is one partition query with no read of the views table.
/// </summary>
internal sealed class PickupQueueEntity : IVersionedEntity
{
    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string OrderId { get; set; } = string.Empty;

    /// <summary>The <see cref="OrderStatus"/> name, as the view's JSON writes it.</summary>
    public string Status { get; set; } = string.Empty;

    public int Version { get; set; }

    public string View { get; set; } = string.Empty;

    public static PickupQueueEntity From(string storeId, OrderView view, string viewJson) => new()
    {
        PartitionKey = TableKeys.Escape(storeId),
        RowKey = TableKeys.Escape(view.OrderId),
        OrderId = view.OrderId,
        Status = view.Status.ToString(),
        Version = view.Version,
        View = viewJson,
    };

    public OrderView ToView() => TableJson.Deserialize<OrderView>(View, $"The queued view of order {OrderId}");
}
