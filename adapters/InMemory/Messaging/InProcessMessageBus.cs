using System.Collections.Concurrent;
using System.Threading.Channels;
using AsyncCommerce.Notifications;
using AsyncCommerce.Orders;
using AsyncCommerce.Telemetry;
using Microsoft.Extensions.Options;

namespace AsyncCommerce.Adapters.InMemory.Messaging;

/// <summary>
/// The message bus inside one process: published order events wait in lanes (one per concurrent consumer,
/// chosen by order id) until <see cref="NotificationDispatcher"/> delivers them. Nothing survives a restart.
/// </summary>
public sealed class InProcessMessageBus : IOrderEventPublisher
{
    private readonly Channel<OrderEvent>[] _lanes;
    private readonly ConcurrentQueue<DeadLetteredEvent> _deadLetters = new();
    private readonly Lock _gate = new();
    private int _unfinished;
    private TaskCompletionSource _idle = NewIdleSignal(completed: true);

    public InProcessMessageBus(IOptions<InProcessBusOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _lanes = [.. Enumerable.Range(0, options.Value.MaxConcurrency).Select(_ => Channel.CreateUnbounded<OrderEvent>(new UnboundedChannelOptions { SingleReader = true }))];
    }

    /// <summary>Messages that exhausted their deliveries, oldest first.</summary>
    public IReadOnlyList<DeadLetteredEvent> DeadLetters => [.. _deadLetters];

    internal int LaneCount => _lanes.Length;

    public Task PublishAsync(OrderEvent orderEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(orderEvent);
        cancellationToken.ThrowIfCancellationRequested();

        lock (_gate)
        {
            if (_unfinished++ == 0)
                _idle = NewIdleSignal(completed: false);
        }

        // An unbounded channel that is never completed accepts every write.
        _lanes[LaneOf(orderEvent.OrderId)].Writer.TryWrite(orderEvent.AsPublished());
        return Task.CompletedTask;
    }

    /// <summary>
    /// Completes when every published message has been handled or dead-lettered. It waits for the
    /// dispatcher, so it does not complete while no dispatcher runs and messages are queued.
    /// </summary>
    public Task WaitForIdleAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
            return _idle.Task.WaitAsync(cancellationToken);
    }

    internal ChannelReader<OrderEvent> Lane(int index) => _lanes[index].Reader;

    internal void MarkHandled()
    {
        lock (_gate)
        {
            if (--_unfinished == 0)
                _idle.TrySetResult();
        }
    }

    internal void DeadLetter(DeadLetteredEvent deadLetter)
    {
        _deadLetters.Enqueue(deadLetter);
        MarkHandled();
    }

    private int LaneOf(string orderId) => (int)((uint)StringComparer.Ordinal.GetHashCode(orderId) % (uint)_lanes.Length);

    private static TaskCompletionSource NewIdleSignal(bool completed)
    {
        var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (completed)
            signal.SetResult();
        return signal;
    }
}
