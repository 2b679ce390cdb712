using System.Globalization;
using System.Net;
using AsyncCommerce.Notifications;
using Microsoft.Azure.Cosmos;

namespace AsyncCommerce.Adapters.Cosmos.Notifications;

/// <summary>
/// The sent-notification timeline in the order's partition (/orderId), one document per (event sequence, channel)
/// with the id <c>{eventSequence}:{channel}</c>: the create records a sent notification, so however often an event
/// is delivered the timeline holds it once (a second create gets 409).
/// </summary>
public sealed class CosmosNotificationLog : INotificationLog
{
    /// <summary>The partition key path the documents of this store are written for.</summary>
    public const string PartitionKeyPath = "/orderId";

    private readonly Container _container;

    public CosmosNotificationLog(Container container) => _container = container ?? throw new ArgumentNullException(nameof(container));

    public async Task<bool> TryAddAsync(NotificationRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentException.ThrowIfNullOrEmpty(record.OrderId);
        return await _container.TryCreateAsync(NotificationDocument.From(record), new PartitionKey(record.OrderId), cancellationToken) is not null;
    }

    public async Task<IReadOnlyList<NotificationRecord>> ListAsync(string orderId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(orderId);
        var query = new QueryDefinition("SELECT * FROM c");
        var documents = await _container.QueryAllAsync<NotificationDocument>(query, new QueryRequestOptions { PartitionKey = new PartitionKey(orderId) }, cancellationToken);
        return [.. documents.Select(document => document.ToRecord()).OrderBy(record => record.EventSequence).ThenBy(record => record.Channel)];
    }
}

internal sealed record NotificationDocument(
    string Id,
    string OrderId,
    NotificationKind Kind,
    NotificationChannel Channel,
    string Recipient,
    int EventSequence,
    DateTimeOffset SentAt)
{
    public static string IdOf(int eventSequence, NotificationChannel channel) => string.Create(CultureInfo.InvariantCulture, $"{eventSequence}:{CosmosJson.NameOf(channel)}");

    public static NotificationDocument From(NotificationRecord record) =>
        new(IdOf(record.EventSequence, record.Channel), record.OrderId, record.Kind, record.Channel, record.Recipient, record.EventSequence, record.SentAt);

    public NotificationRecord ToRecord() => new(OrderId, Kind, Channel, Recipient, EventSequence, SentAt);
}
