using System.Collections.Concurrent;
using AsyncCommerce.Notifications;

namespace AsyncCommerce.Adapters.ServiceBus.Tests.Support;

/// <summary>A notification provider that fails its first <c>failures</c> sends with <c>failure</c>, then records what it delivers.</summary>
public sealed class RecordingNotificationSender(int failures = 0, Func<Exception>? failure = null) : INotificationSender
{
    public const int AlwaysFail = int.MaxValue;

    private readonly ConcurrentQueue<NotificationMessage> _delivered = new();
    private readonly Lock _gate = new();
    private readonly List<(int Count, TaskCompletionSource Signal)> _waiters = [];
    private int _attempts;

    public IReadOnlyList<NotificationMessage> Delivered => [.. _delivered];

    public Task SendAsync(NotificationMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (Interlocked.Increment(ref _attempts) <= failures)
            throw failure?.Invoke() ?? new InvalidOperationException("The provider is down.");

        _delivered.Enqueue(message);
        SignalWaiters();
        return Task.CompletedTask;
    }

    /// <summary>Completes once <paramref name="count"/> messages were delivered.</summary>
    public Task WaitForDeliveriesAsync(int count, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_delivered.Count >= count)
                return Task.CompletedTask;
            var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, signal));
            return signal.Task.WaitAsync(cancellationToken);
        }
    }

    private void SignalWaiters()
    {
        lock (_gate)
        {
            foreach (var waiter in _waiters.Where(waiter => _delivered.Count >= waiter.Count).ToList())
            {
                waiter.Signal.TrySetResult();
                _waiters.Remove(waiter);
            }
        }
    }
}
