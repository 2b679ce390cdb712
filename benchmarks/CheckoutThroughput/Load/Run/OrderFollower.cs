using System.Net;
using AsyncCommerce.Benchmarks.CheckoutThroughput.Load.Api;
using AsyncCommerce.Benchmarks.CheckoutThroughput.Load.Mix;
using AsyncCommerce.Orders;

namespace AsyncCommerce.Benchmarks.CheckoutThroughput.Load.Run;

/// <summary>
/// Follows every accepted order to its end as a storefront would: GET once, then <c>If-None-Match</c> with
/// <c>Prefer: wait</c>, so an unchanged order costs one parked request, not a polling loop. On the way it plays the
/// customer (cancels, adds a payment method when all failed) and hands pickup orders to <see cref="StoreStaff"/>.
/// A fixed pool of followers takes the open orders in turn; the live counts lag by at most one wait.
/// </summary>
internal sealed class OrderFollower : IDisposable
{
    private const int WaitSeconds = 2;
    // The open orders, taken in turn. A plain queue rather than a channel: every poll puts its order back, and a
    // channel's queue allocates a new segment whenever one fills. With tens of thousands of orders open those segments
    // are large objects, allocated all through a burst, and large objects bring on full collections of the tool.
    private readonly Queue<TrackedOrder> _open = new();
    private readonly SemaphoreSlim _openCount = new(0);
    private readonly CommerceClient _client;
    private readonly LoadCounters _counters;
    private readonly StoreStaff _staff;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _workers;
    private readonly TaskCompletionSource _allFinal = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<TrackedOrder> _tracked = [];
    private int _pending;
    private bool _addingDone;

    public OrderFollower(CommerceClient client, LoadCounters counters, int followers)
    {
        _client = client;
        _counters = counters;
        _staff = new StoreStaff(client, counters.Errors);
        _workers = [.. Enumerable.Range(0, followers).Select(_ => Task.Run(FollowAsync))];
    }

    public IReadOnlyList<TrackedOrder> Tracked
    {
        get
        {
            lock (_tracked)
                return [.. _tracked];
        }
    }

    public void Track(string orderId, OrderScript script)
    {
        var order = new TrackedOrder(orderId, script);
        lock (_tracked)
            _tracked.Add(order);
        Interlocked.Increment(ref _pending);
        Reopen(order);
    }

    /// <summary>Waits until every tracked order has ended, or the deadline; then stops following.</summary>
    /// <returns>How many tracked orders had not ended.</returns>
    public async Task<int> FinishAsync(TimeSpan deadline)
    {
        Volatile.Write(ref _addingDone, true);
        if (Volatile.Read(ref _pending) == 0)
            _allFinal.TrySetResult();
        await _allFinal.Task.WaitAsync(deadline).ContinueWith(static _ => { }, TaskScheduler.Default);
        await _stop.CancelAsync();
        await Task.WhenAll(_workers).ContinueWith(static _ => { }, TaskScheduler.Default);
        return Volatile.Read(ref _pending);
    }

    public void Dispose()
    {
        _stop.Dispose();
        _openCount.Dispose();
    }

    private void Reopen(TrackedOrder order)
    {
        lock (_open)
            _open.Enqueue(order);
        _openCount.Release();
    }

    private async Task FollowAsync()
    {
        var stop = _stop.Token;
        try
        {
            while (true)
            {
                await _openCount.WaitAsync(stop);
                TrackedOrder order;
                lock (_open)
                    order = _open.Dequeue();

                await FollowOnceAsync(order, stop);
                if (!order.IsFinal)
                {
                    Reopen(order);
                    continue;
                }

                if (Interlocked.Decrement(ref _pending) == 0 && Volatile.Read(ref _addingDone))
                    _allFinal.TrySetResult();
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The run is over; orders still open are reported as not finished.
        }
    }

    private async Task FollowOnceAsync(TrackedOrder order, CancellationToken stop)
    {
        try
        {
            if (order.Script.Cancels && !order.CancelSent)
                await CancelAsync(order, stop);

            var (view, etag, response) = await _client.GetOrderAsync(order.OrderId, order.ETag, WaitSeconds, stop);
            using (response)
            {
                if (view is null)
                {
                    if (response.StatusCode != HttpStatusCode.NotModified)
                        _counters.Errors.Add(await CallFailure.DescribeAsync("GET order", response, stop));
                    return;
                }
            }

            order.ETag = etag;
            Observe(order, view.Status);
            await ActAsync(order, view, stop);
        }
        catch (Exception error) when (error is HttpRequestException or TaskCanceledException && !stop.IsCancellationRequested)
        {
            _counters.Errors.Add(CallFailure.Describe("follow order", error));
        }
    }

    private void Observe(TrackedOrder order, OrderStatus status)
    {
        order.Status = status;
        if (!order.SeenConfirmed && status is OrderStatus.Confirmed or OrderStatus.ReadyForPickup or OrderStatus.Completed)
        {
            order.SeenConfirmed = true;
            _counters.CountConfirmed();
        }

        switch (status)
        {
            case OrderStatus.Completed:
                _counters.CountCompleted();
                break;
            case OrderStatus.Cancelled:
                _counters.CountCancelled();
                break;
            case OrderStatus.Rejected:
                _counters.CountRejected();
                break;
        }
    }

    private async Task ActAsync(TrackedOrder order, OrderSnapshot view, CancellationToken stop)
    {
        // A customer who cancelled is not served any more: a ready or collect racing the cancel would be a 409 of the tool's making.
        if (order.CancelSent)
            return;

        switch (view.Status)
        {
            case OrderStatus.Confirmed when order.Script.IsPickup && !order.ReadySent:
                await _staff.MarkReadyAsync(order, stop);
                break;
            case OrderStatus.ReadyForPickup when !order.CollectSent && view.Pickup?.Code is { } code:
                await _staff.CollectAsync(order, code, stop);
                break;
            case OrderStatus.AwaitingPaymentMethod when order.Script.Payment.AddsMethodWhenAllFail && !order.MethodAdded:
                order.MethodAdded = true;
                var (method, token) = PaymentScenario.AddedMethod;
                using (var response = await _client.AddPaymentAsync(order.OrderId, method, token, stop))
                {
                    if (response.StatusCode != HttpStatusCode.Accepted)
                        _counters.Errors.Add(await CallFailure.DescribeAsync("POST payments", response, stop));
                }

                break;
        }
    }

    // A cancel that arrives after the order ended is the customer being too late (409), not a failure of the system.
    private async Task CancelAsync(TrackedOrder order, CancellationToken stop)
    {
        order.CancelSent = true;
        using var response = await _client.CancelAsync(order.OrderId, stop);
        if (response.StatusCode is not (HttpStatusCode.Accepted or HttpStatusCode.Conflict))
            _counters.Errors.Add(await CallFailure.DescribeAsync("POST cancel", response, stop));
    }
}
