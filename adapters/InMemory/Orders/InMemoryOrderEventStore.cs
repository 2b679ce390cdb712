using System.Collections.Concurrent;
using AsyncCommerce.Orders;

namespace AsyncCommerce.Adapters.InMemory.Orders;

/// <summary>Each order's event stream, kept in memory; appends are atomic per order.</summary>
public sealed class InMemoryOrderEventStore : IOrderEventStore
{
    private readonly ConcurrentDictionary<string, OrderStream> _streams = new(StringComparer.Ordinal);

    public Task<OrderEvent> AppendAsync(string orderId, string eventId, DateTimeOffset occurredAt, OrderEventData data, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(orderId);
        ArgumentException.ThrowIfNullOrEmpty(eventId);
        ArgumentNullException.ThrowIfNull(data);
        cancellationToken.ThrowIfCancellationRequested();

        var stream = _streams.GetOrAdd(orderId, static _ => new OrderStream());
        return Task.FromResult(stream.Append(orderId, eventId, occurredAt, data));
    }

    public Task<IReadOnlyList<OrderEvent>> ReadAsync(string orderId, int afterSequence = 0, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(orderId);
        cancellationToken.ThrowIfCancellationRequested();

        IReadOnlyList<OrderEvent> events = _streams.TryGetValue(orderId, out var stream) ? stream.ReadAfter(afterSequence) : [];
        return Task.FromResult(events);
    }

    private sealed class OrderStream
    {
        private readonly Lock _gate = new();
        private readonly List<OrderEvent> _events = [];
        private readonly Dictionary<string, OrderEvent> _byEventId = new(StringComparer.Ordinal);

        public OrderEvent Append(string orderId, string eventId, DateTimeOffset occurredAt, OrderEventData data)
        {
            lock (_gate)
            {
                if (_byEventId.TryGetValue(eventId, out var stored))
                    return stored;

                var appended = new OrderEvent(orderId, _events.Count + 1, eventId, occurredAt, data);
                _events.Add(appended);
                _byEventId.Add(eventId, appended);
                return appended;
            }
        }

        // Events are immutable records, so a copy of the list is a safe snapshot for the caller.
        public OrderEvent[] ReadAfter(int afterSequence)
        {
            lock (_gate)
                return [.. _events.Skip(Math.Max(afterSequence, 0))];
        }
    }
}
