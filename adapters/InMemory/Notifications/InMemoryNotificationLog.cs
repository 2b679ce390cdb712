using System.Collections.Concurrent;
using AsyncCommerce.Notifications;

namespace AsyncCommerce.Adapters.InMemory.Notifications;

/// <summary>The sent-notification timeline, kept in memory; one record per (order, event sequence, channel).</summary>
public sealed class InMemoryNotificationLog : INotificationLog
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<(int EventSequence, NotificationChannel Channel), NotificationRecord>> _byOrder =
        new(StringComparer.Ordinal);

    public Task<bool> TryAddAsync(NotificationRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        cancellationToken.ThrowIfCancellationRequested();

        var order = _byOrder.GetOrAdd(record.OrderId, static _ => new());
        return Task.FromResult(order.TryAdd((record.EventSequence, record.Channel), record));
    }

    public Task<IReadOnlyList<NotificationRecord>> ListAsync(string orderId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(orderId);
        cancellationToken.ThrowIfCancellationRequested();

        IReadOnlyList<NotificationRecord> records = _byOrder.TryGetValue(orderId, out var order)
            ? [.. order.Values.OrderBy(record => record.EventSequence).ThenBy(record => record.Channel)]
            : [];
        return Task.FromResult(records);
    }
}
