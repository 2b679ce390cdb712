using AsyncCommerce.Orders;
using Azure;
using Azure.Data.Tables;

namespace AsyncCommerce.Adapters.AzureStorage.Orders;

/// <summary>The stored view (PartitionKey = order id, RowKey <c>view</c>): the API's JSON, and its version to compare without parsing it.</summary>
internal sealed class OrderViewEntity : IVersionedEntity
{
    public const string ViewRowKey = "view";

    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = ViewRowKey;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string OrderId { get; set; } = string.Empty;

    public int Version { get; set; }

    public string View { get; set; } = string.Empty;

    public static OrderViewEntity From(OrderView view, string viewJson) => new()
    {
        PartitionKey = TableKeys.Escape(view.OrderId),
        OrderId = view.OrderId,
        Version = view.Version,
        View = viewJson,
    };

    public OrderView ToView() => TableJson.Deserialize<OrderView>(View, $"The view of order {OrderId}");
}
