using AsyncCommerce.Orders;
using AsyncCommerce.Pickup;

namespace AsyncCommerce.Checkout;

/// <summary>
/// Orchestration logic for buy-online-pick-up-in-store, run inside the checkout saga (so the store's and the
/// customer's events all go to the one instance named by the order id): confirmed, the store prepares it
/// (an alert when the preparation deadline passes), ready with a code, a reminder before the window ends,
/// then collected, cancelled, or expired.
/// </summary>
internal static class PickupFlow
{
    public static async Task<OrderStatus> RunAsync(OrderFlow order)
    {
        await order.RecordAsync(new OrderConfirmed(FulfillmentType.Pickup));
        if (order.IsCancellationRequested)
            return await order.CancelAsync(StatusReason.CustomerCancelled);

        if (!await WaitUntilReadyAsync(order))
            return await order.CancelAsync(StatusReason.CustomerCancelled);

        return await AwaitCollectionAsync(order);
    }

    /// <summary>True when the store marked the order ready; false when the customer cancelled first.</summary>
    private static async Task<bool> WaitUntilReadyAsync(OrderFlow order)
    {
        var context = order.Context;
        var storeId = order.Input.StoreId!;

        // One waiter for the whole phase: it outlives the deadline timer instead of being replaced after it.
        var ready = context.WaitForExternalEvent<PickupReadyNotice>(ExternalEvents.PickupReady);
        using var deadlineTimer = new CancellationTokenSource();
        var deadlineAt = context.CurrentUtcDateTime + order.Input.Timings.PreparationDeadline;
        var deadline = context.CreateTimer(deadlineAt, deadlineTimer.Token);

        var first = await Task.WhenAny(ready, order.Cancellation, deadline);
        if (first == deadline)
        {
            await order.RecordAsync(new PickupPreparationOverdue(storeId, new DateTimeOffset(DateTime.SpecifyKind(deadlineAt, DateTimeKind.Utc))));
            first = await Task.WhenAny(ready, order.Cancellation);
        }
        else
        {
            // microsoft/durabletask-dotnet#713: a losing timer would keep the instance Running.
            deadlineTimer.Cancel();
        }

        return first == ready;
    }

    private static async Task<OrderStatus> AwaitCollectionAsync(OrderFlow order)
    {
        var context = order.Context;
        var timings = order.Input.Timings;
        var storeId = order.Input.StoreId!;
        var readyAt = order.Now;
        var expiresAt = readyAt + timings.PickupWindow;
        await order.RecordAsync(new ReadyForPickup(storeId, PickupCode.From(context.NewGuid()), readyAt, expiresAt));

        var collected = context.WaitForExternalEvent<PickupCollection>(ExternalEvents.PickupCollected);
        using var windowTimers = new CancellationTokenSource();
        var expiry = context.CreateTimer(expiresAt.UtcDateTime, windowTimers.Token);
        var waiting = new List<Task> { collected, order.Cancellation, expiry };
        Task? reminder = null;
        if (timings.ReminderBeforeExpiry > TimeSpan.Zero && timings.ReminderBeforeExpiry < timings.PickupWindow)
        {
            reminder = context.CreateTimer((expiresAt - timings.ReminderBeforeExpiry).UtcDateTime, windowTimers.Token);
            waiting.Add(reminder);
        }

        while (true)
        {
            var next = await Task.WhenAny(waiting);
            if (next == reminder)
            {
                waiting.Remove(reminder);
                await order.RecordAsync(new PickupReminderDue(storeId, expiresAt));
                continue;
            }

            // Whatever ended the window, no timer may outlive it (microsoft/durabletask-dotnet#713).
            windowTimers.Cancel();
            if (next == collected)
                return await order.CompleteAsync(honourLateCancellation: false);
            var reason = next == order.Cancellation ? StatusReason.CustomerCancelled : StatusReason.PickupExpired;
            return await order.CancelAsync(reason);
        }
    }
}
