using System.Net;
using AsyncCommerce.Notifications;
using Azure;
using Azure.Data.Tables;

namespace AsyncCommerce.Adapters.AzureStorage.Notifications;

/// <summary>
/// The sent-notification timeline in the order's partition, one entity per (event sequence, channel): the insert
/// records a sent notification, so however often an event is delivered the timeline holds it once (a second insert
/// gets 409).
/// </summary>
public sealed class TableNotificationLog : INotificationLog
{
    private readonly TableClient _table;

    public TableNotificationLog(TableClient table) => _table = table ?? throw new ArgumentNullException(nameof(table));

    public async Task<bool> TryAddAsync(NotificationRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentException.ThrowIfNullOrEmpty(record.OrderId);
        try
        {
            await _table.AddEntityAsync(NotificationEntity.From(record), cancellationToken);
            return true;
        }
        catch (RequestFailedException error) when (error.Status == (int)HttpStatusCode.Conflict)
        {
            return false;
        }
    }

    public async Task<IReadOnlyList<NotificationRecord>> ListAsync(string orderId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(orderId);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Escape(orderId)}");
        var records = new List<NotificationRecord>();
        await foreach (var entity in _table.QueryAsync<NotificationEntity>(filter, cancellationToken: cancellationToken))
            records.Add(entity.ToRecord());
        // RowKeys sort channels by name; the timeline orders them as the other logs do, by the channel's value.
        return [.. records.OrderBy(record => record.EventSequence).ThenBy(record => record.Channel)];
    }
}
