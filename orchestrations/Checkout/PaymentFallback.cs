using AsyncCommerce.Orders;
using AsyncCommerce.Payments;
using AsyncCommerce.Telemetry;
using Microsoft.DurableTask;

namespace AsyncCommerce.Checkout;

/// <summary>How the payment phase ended; on <see cref="Authorized"/> the order flow holds the authorization.</summary>
internal enum PaymentPhaseEnd
{
    Authorized,
    CancelledByCustomer,
    NoMethodInTime,
}

/// <summary>
/// Orchestration logic: walks the customer's payment methods in order. A transient failure is retried
/// with exponential backoff by a Durable retry policy; a decline, or retries running out, moves on to the
/// next method. When all have failed, the order waits (durable timer) for the customer to add one.
/// </summary>
internal static class PaymentFallback
{
    public static async Task<PaymentPhaseEnd> AuthorizeAsync(OrderFlow order)
    {
        var methods = new List<PaymentInstruction>(order.Input.Payments);
        var retry = RetryOptions(order.Input.Timings);
        var index = 0;
        while (true)
        {
            for (; index < methods.Count; index++)
            {
                if (order.IsCancellationRequested)
                    return PaymentPhaseEnd.CancelledByCustomer;

                var result = await TryAuthorizeAsync(order, index, methods[index], retry);
                if (result.Outcome != PaymentOutcome.Approved)
                {
                    if (index + 1 < methods.Count && !order.Context.IsReplaying)
                        CommerceMetrics.PaymentFellBack(methods[index].Method);
                    continue;
                }

                order.Authorized(new PaymentAuthorized(index, methods[index].Method, result.AuthorizationId!, order.Input.Total, result.Deferred));
                return PaymentPhaseEnd.Authorized;
            }

            await order.RecordAsync(new PaymentMethodsExhausted(methods.Count));
            var (waited, added) = await WaitForNewMethodAsync(order);
            switch (waited)
            {
                case NewMethodWait.CancelledByCustomer:
                    return PaymentPhaseEnd.CancelledByCustomer;
                case NewMethodWait.TimedOut:
                    return PaymentPhaseEnd.NoMethodInTime;
            }

            methods.Add(added!);
            await order.RecordAsync(new PaymentMethodAdded(index, added!.Method));
        }
    }

    private static async Task<AuthorizationResult> TryAuthorizeAsync(OrderFlow order, int index, PaymentInstruction payment, TaskOptions retry)
    {
        try
        {
            return await order.Context.CallActivityAsync<AuthorizationResult>(
                nameof(AuthorizePayment),
                new AuthorizePaymentInput(order.Input.OrderId, index, payment, order.Input.Total, order.NewEventId()),
                retry);
        }
        catch (TaskFailedException failure) when (failure.FailureDetails.IsCausedBy<TransientPaymentException>())
        {
            // Every attempt is already on the stream; retries are exhausted, so this method counts as failed.
            return AuthorizationResult.Transient("retries_exhausted");
        }
    }

    /// <summary>How waiting for the customer to add a payment method ended.</summary>
    private enum NewMethodWait
    {
        MethodAdded,
        CancelledByCustomer,
        TimedOut,
    }

    private static async Task<(NewMethodWait Outcome, PaymentInstruction? Added)> WaitForNewMethodAsync(OrderFlow order)
    {
        using var timeout = new CancellationTokenSource();
        var deadline = order.Context.CurrentUtcDateTime + order.Input.Timings.AwaitPaymentMethodTimeout;
        var timer = order.Context.CreateTimer(deadline, timeout.Token);
        var added = order.Context.WaitForExternalEvent<NewPaymentMethod>(ExternalEvents.PaymentMethodAdded);

        var first = await Task.WhenAny(added, order.Cancellation, timer);

        // A timer that lost the race keeps the orchestration Running until it fires
        // (microsoft/durabletask-dotnet#713), so the loser is always cancelled.
        timeout.Cancel();
        if (first == added)
            return (NewMethodWait.MethodAdded, added.Result.Payment);
        return first == order.Cancellation
            ? (NewMethodWait.CancelledByCustomer, null)
            : (NewMethodWait.TimedOut, null);
    }

    private static TaskOptions RetryOptions(WorkflowTimings timings) => TaskOptions.FromRetryPolicy(
        new RetryPolicy(
            timings.PaymentRetryMaxAttempts,
            timings.PaymentRetryFirstInterval,
            timings.PaymentRetryBackoffCoefficient,
            timings.PaymentRetryMaxInterval)
        {
            HandleFailure = failure => failure.IsCausedBy<TransientPaymentException>(),
        });
}
