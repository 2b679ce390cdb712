using System.Collections.Concurrent;
using AsyncCommerce.Notifications;
using AsyncCommerce.Orders;

namespace AsyncCommerce.Orchestrations.Tests;

/// <summary>A message bus that keeps what it was given; it can be told to be down for the next publishes.</summary>
public sealed class RecordingOrderEventPublisher : IOrderEventPublisher
{
    private readonly ConcurrentQueue<OrderEvent> _published = new();
    private int _failuresLeft;

    public IReadOnlyList<OrderEvent> Published => [.. _published];

    public void FailNext(int publishes) => Volatile.Write(ref _failuresLeft, publishes);

    public Task PublishAsync(OrderEvent orderEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(orderEvent);
        if (Interlocked.Decrement(ref _failuresLeft) >= 0)
            throw new InvalidOperationException("The message bus is down.");

        _published.Enqueue(orderEvent);
        return Task.CompletedTask;
    }
}
