using System.Collections.Concurrent;

namespace AsyncCommerce.Caching;

/// <summary>
/// A bounded, thread-safe map of recently written state, for optimistic shortcuts that the store checks anyway (an
/// ETag, a version): a missing or outdated entry costs one read, never a wrong result. When full it is emptied
/// rather than trimmed by recency: entries live as long as an order's workflow (seconds), so the ones lost are mostly
/// of finished orders, and the map stays near its capacity however many orders a process sees.
/// </summary>
public sealed class RecentEntries<TKey, TValue>
    where TKey : notnull
{

    private readonly ConcurrentDictionary<TKey, TValue> _entries;
    private readonly int _capacity;

    // ConcurrentDictionary.Count takes every lock; this count may run a little high (a removal racing an add), which
    // only empties the map a little early.
    private int _count;

    public RecentEntries(int capacity, IEqualityComparer<TKey>? comparer = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _capacity = capacity;
        _entries = new ConcurrentDictionary<TKey, TValue>(comparer);
    }

    public bool TryGet(TKey key, out TValue value) => _entries.TryGetValue(key, out value!);

    public void Set(TKey key, TValue value)
    {
        if (_entries.TryAdd(key, value))
        {
            if (Interlocked.Increment(ref _count) > _capacity)
            {
                _entries.Clear();
                Interlocked.Exchange(ref _count, 0);
            }

            return;
        }

        _entries[key] = value;
    }

    public void Remove(TKey key)
    {
        if (_entries.TryRemove(key, out _))
            Interlocked.Decrement(ref _count);
    }
}

/// <summary>Capacities of <see cref="RecentEntries{TKey, TValue}"/> maps.</summary>
public static class RecentEntries
{
    /// <summary>
    /// Enough for the orders one process has in flight at once in any run measured here; a burst beyond it only costs
    /// reads. Small enough that what these maps hold stays a few MiB however long the process runs.
    /// </summary>
    public const int OrdersInFlight = 2_048;
}
