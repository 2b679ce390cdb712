using AsyncCommerce.Privacy;
using Azure;
using Azure.Data.Tables;

namespace AsyncCommerce.Adapters.AzureStorage.Privacy;

/// <summary>A customer's data key (PartitionKey = customer id, RowKey <see cref="CurrentRowKey"/>): one row per customer.</summary>
internal sealed class CustomerKeyEntity : ITableEntity
{
    public const string CurrentRowKey = "data-key";

    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string CustomerId { get; set; } = string.Empty;

    public string KeyId { get; set; } = string.Empty;

    public byte[] Material { get; set; } = [];

    public static string PartitionKeyOf(string customerId) => TableKeys.Escape(customerId);

    public static CustomerKeyEntity From(CustomerKey key) => new()
    {
        PartitionKey = PartitionKeyOf(key.CustomerId),
        RowKey = CurrentRowKey,
        CustomerId = key.CustomerId,
        KeyId = key.KeyId,
        Material = key.Material.ToArray(),
    };

    public CustomerKey ToKey() => new(CustomerId, KeyId, Material);
}
