using AsyncCommerce.Inventory;
using AsyncCommerce.Orders;
using AsyncCommerce.Payments;
using Microsoft.DurableTask;

namespace AsyncCommerce.Checkout;

/// <summary>
/// The orchestration-side handle on one order: records events, runs steps and owns the customer's
/// cancellation waiter. Deterministic: everything here goes through the orchestration context.
/// </summary>
internal sealed class OrderFlow
{
    // Steps are idempotent, so infrastructure hiccups (a store briefly unavailable) are simply retried.
    private static readonly TaskOptions StepRetry = TaskOptions.FromRetryPolicy(
        new RetryPolicy(maxNumberOfAttempts: 5, firstRetryInterval: TimeSpan.FromSeconds(1), backoffCoefficient: 2.0, maxRetryInterval: TimeSpan.FromSeconds(30)));

    public OrderFlow(TaskOrchestrationContext context, CheckoutInput input)
    {
        Context = context;
        Input = input;

        // One waiter for the orchestration's whole life: a cancelled or timed-out waiter can swallow the
        // next event of the same name (Azure/azure-functions-durable-extension#3255), so none is ever replaced.
        Cancellation = context.WaitForExternalEvent<CancellationRequest>(ExternalEvents.CancelOrder);
    }

    public TaskOrchestrationContext Context { get; }

    public CheckoutInput Input { get; }

    public Task<CancellationRequest> Cancellation { get; }

    public bool IsCancellationRequested => Cancellation.IsCompleted;

    public DateTimeOffset Now => new(DateTime.SpecifyKind(Context.CurrentUtcDateTime, DateTimeKind.Utc));

    public Task RecordAsync(OrderEventData data) =>
        Context.CallActivityAsync<int>(
            nameof(RecordOrderEvent),
            new RecordOrderEventInput(Input.OrderId, Context.NewGuid().ToString("N"), Now, data),
            StepRetry);

    public Task<TResult> StepAsync<TResult>(string activityName, object input) =>
        Context.CallActivityAsync<TResult>(activityName, input, StepRetry);

    public async Task ReleaseStockAsync()
    {
        await StepAsync<bool>(nameof(ReleaseStock), Input.OrderId);
        await RecordAsync(new StockReleased(Input.LocationId));
    }

    /// <summary>Compensates what was done so far (payment first, then stock) and ends the order as cancelled.</summary>
    public async Task<OrderStatus> CancelAsync(StatusReason reason, PaymentAuthorized? authorization, bool captured = false)
    {
        if (authorization is not null)
        {
            var settle = new SettlePaymentInput(Input.OrderId, authorization.AuthorizationId, authorization.Amount);
            if (captured)
            {
                await StepAsync<bool>(nameof(RefundPayment), settle);
                await RecordAsync(new PaymentRefunded(authorization.AuthorizationId, authorization.Amount));
            }
            else
            {
                await StepAsync<bool>(nameof(VoidPayment), settle);
                await RecordAsync(new PaymentVoided(authorization.AuthorizationId));
            }
        }

        await ReleaseStockAsync();
        await RecordAsync(new OrderCancelled(reason));
        return OrderStatus.Cancelled;
    }

    /// <summary>Capture, commit the stock, done. A cancellation that lands during capture is refunded.</summary>
    public async Task<OrderStatus> CompleteAsync(PaymentAuthorized authorization, bool honourLateCancellation)
    {
        await StepAsync<bool>(nameof(CapturePayment), new SettlePaymentInput(Input.OrderId, authorization.AuthorizationId, authorization.Amount));
        await RecordAsync(new PaymentCaptured(authorization.AuthorizationId, authorization.Amount));
        if (honourLateCancellation && IsCancellationRequested)
            return await CancelAsync(StatusReason.CustomerCancelled, authorization, captured: true);

        await StepAsync<bool>(nameof(CommitStock), Input.OrderId);
        await RecordAsync(new StockCommitted(Input.LocationId));
        await RecordAsync(new OrderCompleted());
        return OrderStatus.Completed;
    }
}
