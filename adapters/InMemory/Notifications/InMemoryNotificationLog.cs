using System.Text;
using AsyncCommerce.Notifications;

namespace AsyncCommerce.Adapters.InMemory.Notifications;

/// <summary>The sent-notification timeline, kept in memory; one record per (order, event sequence, channel).</summary>
public sealed class InMemoryNotificationLog : INotificationLog
{
    // One lock over the whole log and a plain array per order: an order has a handful of records, written once each and
    // read only by the timeline route. A ConcurrentDictionary per order cost about 630 bytes per retained order (its
    // buckets, lock array and nodes) in the in-process benchmark, the array about 40.
    private readonly Lock _gate = new();
    private readonly Dictionary<string, SentNotification[]> _byOrder = new(StringComparer.Ordinal);

    public Task<bool> TryAddAsync(NotificationRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        cancellationToken.ThrowIfCancellationRequested();

        lock (_gate)
        {
            var sent = _byOrder.GetValueOrDefault(record.OrderId, []);
            if (Array.Exists(sent, stored => stored.EventSequence == record.EventSequence && stored.Channel == record.Channel))
                return Task.FromResult(false);

            _byOrder[record.OrderId] = [.. sent, SentNotification.Of(record)];
            return Task.FromResult(true);
        }
    }

    public Task<IReadOnlyList<NotificationRecord>> ListAsync(string orderId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(orderId);
        cancellationToken.ThrowIfCancellationRequested();

        SentNotification[] sent;
        lock (_gate)
            sent = _byOrder.GetValueOrDefault(orderId, []);

        // Arrays are replaced, never changed, so reading one outside the lock reads a stable snapshot.
        IReadOnlyList<NotificationRecord> records =
            [.. sent.OrderBy(stored => stored.EventSequence).ThenBy(stored => stored.Channel).Select(stored => stored.ToRecord(orderId))];
        return Task.FromResult(records);
    }

    /// <summary>
    /// A record as the log keeps it, without its order id (the key). The recipient arrives sealed (base64, about 100
    /// ASCII characters), which as a string took 228 bytes per record in the in-process benchmark and as ASCII bytes
    /// takes 124; a recipient with any other character is kept as it came.
    /// </summary>
    private readonly record struct SentNotification(
        NotificationKind Kind,
        NotificationChannel Channel,
        int EventSequence,
        DateTimeOffset SentAt,
        byte[]? AsciiRecipient,
        string? OtherRecipient)
    {
        public static SentNotification Of(NotificationRecord record) => record.Recipient is { } recipient && Ascii.IsValid(recipient)
            ? new(record.Kind, record.Channel, record.EventSequence, record.SentAt, Encoding.ASCII.GetBytes(recipient), OtherRecipient: null)
            : new(record.Kind, record.Channel, record.EventSequence, record.SentAt, AsciiRecipient: null, record.Recipient);

        public NotificationRecord ToRecord(string orderId) =>
            new(orderId, Kind, Channel, AsciiRecipient is { } ascii ? Encoding.ASCII.GetString(ascii) : OtherRecipient!, EventSequence, SentAt);
    }
}
