using System.Globalization;
using AsyncCommerce.Notifications;
using Azure;
using Azure.Data.Tables;

namespace AsyncCommerce.Adapters.AzureStorage.Notifications;

/// <summary>A sent notification (PartitionKey = order id, RowKey <c>{eventSequence:D10}|{channel}</c>).</summary>
internal sealed class NotificationEntity : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string OrderId { get; set; } = string.Empty;

    /// <summary>The <see cref="NotificationKind"/> name.</summary>
    public string Kind { get; set; } = string.Empty;

    /// <summary>The <see cref="NotificationChannel"/> name.</summary>
    public string Channel { get; set; } = string.Empty;

    public string Recipient { get; set; } = string.Empty;

    public int EventSequence { get; set; }

    /// <summary>Round-trip text (see <see cref="TableTimestamps"/>).</summary>
    public string SentAt { get; set; } = string.Empty;

    public static string RowKeyOf(int eventSequence, NotificationChannel channel) =>
        string.Create(CultureInfo.InvariantCulture, $"{eventSequence:D10}|{channel}");

    public static NotificationEntity From(NotificationRecord record) => new()
    {
        PartitionKey = TableKeys.Escape(record.OrderId),
        RowKey = RowKeyOf(record.EventSequence, record.Channel),
        OrderId = record.OrderId,
        Kind = record.Kind.ToString(),
        Channel = record.Channel.ToString(),
        Recipient = record.Recipient,
        EventSequence = record.EventSequence,
        SentAt = TableTimestamps.Format(record.SentAt),
    };

    public NotificationRecord ToRecord() =>
        new(OrderId, Enum.Parse<NotificationKind>(Kind), Enum.Parse<NotificationChannel>(Channel), Recipient, EventSequence, TableTimestamps.Parse(SentAt));
}
