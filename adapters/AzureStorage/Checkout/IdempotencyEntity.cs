using AsyncCommerce.Checkout;
using Azure;
using Azure.Data.Tables;

namespace AsyncCommerce.Adapters.AzureStorage.Checkout;

/// <summary>
/// One idempotency key (PartitionKey = the key, RowKey <c>record</c>): a partition per key spreads claims over the
/// table's partitions, as the key is the partition of the Cosmos container. The key itself is kept as a property,
/// since the PartitionKey is its escaped form.
/// </summary>
internal sealed class IdempotencyEntity : ITableEntity
{
    public const string RecordRowKey = "record";

    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = RecordRowKey;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string Key { get; set; } = string.Empty;

    public string RequestFingerprint { get; set; } = string.Empty;

    public string OrderId { get; set; } = string.Empty;

    /// <summary>The <see cref="IdempotencyState"/> name.</summary>
    public string State { get; set; } = string.Empty;

    /// <summary>Round-trip text (see <see cref="TableTimestamps"/>): a replace compares it with what the caller holds.</summary>
    public string ClaimedAt { get; set; } = string.Empty;

    public static string PartitionKeyOf(string key) => TableKeys.Escape(key);

    public static IdempotencyEntity From(IdempotencyRecord record) => new()
    {
        PartitionKey = PartitionKeyOf(record.Key),
        Key = record.Key,
        RequestFingerprint = record.RequestFingerprint,
        OrderId = record.OrderId,
        State = record.State.ToString(),
        ClaimedAt = TableTimestamps.Format(record.ClaimedAt),
    };

    public IdempotencyRecord ToRecord() =>
        new(Key, RequestFingerprint, OrderId, Enum.Parse<IdempotencyState>(State), TableTimestamps.Parse(ClaimedAt));
}
