using System.Collections.Concurrent;
using AsyncCommerce.Notifications;

namespace AsyncCommerce.Orchestrations.Tests;

/// <summary>An email/SMS provider whose first send on <paramref name="failingChannel"/> fails; everything else is delivered.</summary>
public sealed class FlakyNotificationSender(NotificationChannel failingChannel) : INotificationSender
{
    private readonly ConcurrentQueue<NotificationMessage> _delivered = new();
    private int _failed;

    public IReadOnlyList<NotificationMessage> Delivered => [.. _delivered];

    public Task SendAsync(NotificationMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Channel == failingChannel && Interlocked.Exchange(ref _failed, 1) == 0)
            throw new InvalidOperationException($"The {message.Channel} provider is down.");

        _delivered.Enqueue(message);
        return Task.CompletedTask;
    }
}
