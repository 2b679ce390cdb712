using System.Collections.Concurrent;
using AsyncCommerce.Orders;
using AsyncCommerce.Telemetry;

namespace AsyncCommerce.Adapters.InMemory.Orders;

/// <summary>Each order's event stream, kept in memory; appends are atomic per order, and the streams are the outbox.</summary>
public sealed class InMemoryOrderEventStore : IOrderEventStore, IOrderEventOutbox
{
    private readonly ConcurrentDictionary<string, OrderStream> _streams = new(StringComparer.Ordinal);

    // The streams with events above their published mark. Changed only under the stream's own lock, together with
    // the stream, so an append and a mark that race can never leave an unpublished stream out of it.
    private readonly ConcurrentDictionary<string, OrderStream> _pending = new(StringComparer.Ordinal);

    public Task<OrderEvent> AppendAsync(string orderId, string eventId, DateTimeOffset occurredAt, OrderEventData data, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(orderId);
        ArgumentException.ThrowIfNullOrEmpty(eventId);
        ArgumentNullException.ThrowIfNull(data);
        cancellationToken.ThrowIfCancellationRequested();

        var stream = _streams.GetOrAdd(orderId, static id => new OrderStream(id));
        return Task.FromResult(stream.Append(eventId, occurredAt, data, _pending));
    }

    public Task<IReadOnlyList<OrderEvent>> ReadAsync(string orderId, int afterSequence = 0, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(orderId);
        cancellationToken.ThrowIfCancellationRequested();

        IReadOnlyList<OrderEvent> events = _streams.TryGetValue(orderId, out var stream) ? stream.ReadAfter(afterSequence) : [];
        return Task.FromResult(events);
    }

    public Task<IReadOnlyList<PendingStream>> ListPendingAsync(int max, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        cancellationToken.ThrowIfCancellationRequested();

        IReadOnlyList<PendingStream> pending = [.. _pending.Values.Take(max).Select(stream => stream.Pending())];
        return Task.FromResult(pending);
    }

    public Task<IReadOnlyList<OrderEvent>> ReadUnpublishedAsync(string orderId, int publishedSequence, CancellationToken cancellationToken = default) =>
        ReadAsync(orderId, publishedSequence, cancellationToken);

    public Task MarkPublishedAsync(string orderId, int sequence, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(orderId);
        cancellationToken.ThrowIfCancellationRequested();

        if (_streams.TryGetValue(orderId, out var stream))
            stream.MarkPublished(sequence, _pending);
        return Task.CompletedTask;
    }

    private sealed class OrderStream(string orderId)
    {
        private readonly Lock _gate = new();
        private readonly List<OrderEvent> _events = [];
        private readonly Dictionary<string, OrderEvent> _byEventId = new(StringComparer.Ordinal);
        private int _published;

        public OrderEvent Append(string eventId, DateTimeOffset occurredAt, OrderEventData data, ConcurrentDictionary<string, OrderStream> pending)
        {
            lock (_gate)
            {
                if (_byEventId.TryGetValue(eventId, out var stored))
                    return stored;

                var appended = new OrderEvent(orderId, _events.Count + 1, eventId, occurredAt, data, CommerceTelemetry.CurrentTraceParent());
                _events.Add(appended);
                _byEventId.Add(eventId, appended);
                pending[orderId] = this;
                return appended;
            }
        }

        // Events are immutable records, so a copy of the list is a safe snapshot for the caller.
        public OrderEvent[] ReadAfter(int afterSequence)
        {
            lock (_gate)
                return [.. _events.Skip(Math.Max(afterSequence, 0))];
        }

        public PendingStream Pending()
        {
            lock (_gate)
                return new PendingStream(orderId, _published);
        }

        public void MarkPublished(int sequence, ConcurrentDictionary<string, OrderStream> pending)
        {
            lock (_gate)
            {
                _published = Math.Max(_published, Math.Min(sequence, _events.Count));
                if (_published >= _events.Count)
                    pending.TryRemove(orderId, out _);
            }
        }
    }
}
