namespace AsyncCommerce.Orders;

/// <summary>
/// Tells readers waiting on an order (GET with <c>Prefer: wait</c>) that this process has just saved its view, so
/// they answer at once instead of polling. A waiter holds a task, not a thread. Views saved by another process
/// (hosts sharing a store, a scaled-out Functions app) raise nothing here; waiters re-read for those.
/// </summary>
public sealed class OrderViewChanges
{
    private readonly Dictionary<string, List<TaskCompletionSource>> _waiters = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>
    /// Starts listening for the next save of <paramref name="orderId"/>'s view. Subscribe before reading the view,
    /// so that a save between the read and the wait is not missed; dispose when done waiting.
    /// </summary>
    public Subscription Subscribe(string orderId)
    {
        var change = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (!_waiters.TryGetValue(orderId, out var list))
                _waiters[orderId] = list = [];
            list.Add(change);
        }

        return new Subscription(this, orderId, change);
    }

    /// <summary>Wakes everyone waiting on <paramref name="orderId"/>.</summary>
    public void Notify(string orderId)
    {
        List<TaskCompletionSource>? woken;
        lock (_gate)
        {
            if (!_waiters.Remove(orderId, out woken))
                return;
        }

        foreach (var change in woken)
            change.TrySetResult();
    }

    /// <summary>How many readers wait on <paramref name="orderId"/> now (for tests and diagnostics).</summary>
    public int Waiting(string orderId)
    {
        lock (_gate)
            return _waiters.TryGetValue(orderId, out var list) ? list.Count : 0;
    }

    private void Unsubscribe(string orderId, TaskCompletionSource change)
    {
        lock (_gate)
        {
            if (_waiters.TryGetValue(orderId, out var list) && list.Remove(change) && list.Count == 0)
                _waiters.Remove(orderId);
        }
    }

    public sealed class Subscription : IDisposable
    {
        private readonly OrderViewChanges _owner;
        private readonly string _orderId;
        private readonly TaskCompletionSource _change;

        internal Subscription(OrderViewChanges owner, string orderId, TaskCompletionSource change)
        {
            _owner = owner;
            _orderId = orderId;
            _change = change;
        }

        /// <summary>Completes when the view is saved in this process.</summary>
        public Task Changed => _change.Task;

        public void Dispose() => _owner.Unsubscribe(_orderId, _change);
    }
}
