namespace AsyncCommerce.Notifications;

/// <summary>Port: the record of sent notifications; at most one per (order, event sequence, channel).</summary>
public interface INotificationLog
{
    /// <summary>Adds the record unless one for the same order, event sequence and channel exists. True when added.</summary>
    Task<bool> TryAddAsync(NotificationRecord record, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<NotificationRecord>> ListAsync(string orderId, CancellationToken cancellationToken = default);
}
