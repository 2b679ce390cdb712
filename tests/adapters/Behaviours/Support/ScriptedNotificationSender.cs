using System.Collections.Concurrent;
using AsyncCommerce.Notifications;

namespace AsyncCommerce.Adapters.Behaviours.Support;

/// <summary>A notification provider that fails its first <c>failures</c> sends, then delivers.</summary>
public sealed class ScriptedNotificationSender(int failures = 0) : INotificationSender
{
    public const int AlwaysFail = int.MaxValue;

    private readonly ConcurrentQueue<NotificationMessage> _delivered = new();
    private int _attempts;

    public int Attempts => Volatile.Read(ref _attempts);

    public IReadOnlyList<NotificationMessage> Delivered => [.. _delivered];

    public Task SendAsync(NotificationMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (Interlocked.Increment(ref _attempts) <= failures)
            throw new InvalidOperationException("The provider is down.");

        _delivered.Enqueue(message);
        return Task.CompletedTask;
    }
}
