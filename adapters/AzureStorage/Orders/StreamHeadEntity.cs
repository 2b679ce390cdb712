using Azure;
using Azure.Data.Tables;

namespace AsyncCommerce.Adapters.AzureStorage.Orders;

/// <summary>
/// One per order (RowKey <c>head</c>): the end of the stream and its published mark. Every append replaces it on its
/// ETag in the same entity-group transaction as the event, which is what keeps two writers from both appending the
/// same sequence; <see cref="Pending"/> tells an appender whether the order's outbox marker may be missing.
/// </summary>
internal sealed class StreamHeadEntity : ITableEntity
{
    public const string HeadRowKey = "head";

    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = HeadRowKey;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string OrderId { get; set; } = string.Empty;

    public int LastSequence { get; set; }

    public int PublishedSequence { get; set; }

    /// <summary>True while events above <see cref="PublishedSequence"/> may exist (set by every append).</summary>
    public bool Pending { get; set; }

    public static StreamHeadEntity At(string orderId, int lastSequence, int publishedSequence, bool pending) => new()
    {
        PartitionKey = TableKeys.Escape(orderId),
        OrderId = orderId,
        LastSequence = lastSequence,
        PublishedSequence = publishedSequence,
        Pending = pending,
    };
}
