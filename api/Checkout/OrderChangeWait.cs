using AsyncCommerce.Orders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AsyncCommerce.Api.Checkout;

/// <summary>
/// Waits, without holding a thread, until an order's read model moves past the version a client has: this
/// process's projection signals each save (<see cref="OrderViewChanges"/>), and where another process may save
/// the view too the waiter also re-reads every <see cref="CheckoutOptions.StatusWaitRecheckInterval"/>.
/// </summary>
public sealed class OrderChangeWait(
    IOrderViewStore views,
    OrderViewChanges changes,
    IOptions<CheckoutOptions> options,
    TimeProvider clock,
    IHostApplicationLifetime lifetime)
{
    /// <summary>
    /// The view once its version is no longer <paramref name="seenVersion"/>, or the unchanged view when
    /// <paramref name="wait"/> passes (or the host stops) first; null if the order is gone.
    /// </summary>
    public async Task<OrderView?> WaitAsync(string orderId, int seenVersion, TimeSpan wait, CancellationToken cancellationToken)
    {
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.ApplicationStopping);
        var recheck = options.Value.StatusWaitRecheckInterval;
        var started = clock.GetTimestamp();
        while (true)
        {
            // Listen before reading, so a save between the read and the wait still wakes this request.
            using var subscription = changes.Subscribe(orderId);
            var view = await views.GetAsync(orderId, cancellationToken);
            var remaining = wait - clock.GetElapsedTime(started);
            if (view is null || view.Version != seenVersion || remaining <= TimeSpan.Zero || stopping.IsCancellationRequested)
                return view;

            var nap = recheck > TimeSpan.Zero && recheck < remaining ? recheck : remaining;
            try
            {
                await subscription.Changed.WaitAsync(nap, clock, stopping.Token);
            }
            catch (TimeoutException)
            {
                // Time to re-read (another process may have saved the view) or to answer 304.
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // The host is stopping: answer now rather than hold its shutdown.
            }
        }
    }
}
