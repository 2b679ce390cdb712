using AsyncCommerce.Inventory;
using AsyncCommerce.Orders;
using AsyncCommerce.Payments;
using AsyncCommerce.Telemetry;
using Microsoft.DurableTask;

namespace AsyncCommerce.Checkout;

/// <summary>
/// The orchestration-side handle on one order: records events, runs steps and owns the customer's
/// cancellation waiter. Deterministic: everything here goes through the orchestration context.
/// </summary>
internal sealed class OrderFlow
{
    // Steps are idempotent, so infrastructure hiccups (a store briefly unavailable) are simply retried.
    private readonly TaskOptions _stepRetry;
    private int _eventsNamed;

    public OrderFlow(TaskOrchestrationContext context, CheckoutInput input)
    {
        Context = context;
        Input = input;
        _stepRetry = TaskOptions.FromRetryPolicy(new RetryPolicy(
            input.Timings.StepRetryMaxAttempts,
            input.Timings.StepRetryFirstInterval,
            backoffCoefficient: 2.0,
            input.Timings.StepRetryMaxInterval));

        // One waiter for the orchestration's whole life: a cancelled or timed-out waiter can swallow the
        // next event of the same name (Azure/azure-functions-durable-extension#3255), so none is ever replaced.
        Cancellation = context.WaitForExternalEvent<CancellationRequest>(ExternalEvents.CancelOrder);
    }

    public TaskOrchestrationContext Context { get; }

    public CheckoutInput Input { get; }

    public Task<CancellationRequest> Cancellation { get; }

    public bool IsCancellationRequested => Cancellation.IsCompleted;

    /// <summary>Stock is reserved for the order and not yet released or committed.</summary>
    public bool HoldsStock { get; private set; }

    /// <summary>The authorization taken and not yet voided, refunded or settled by completion.</summary>
    public PaymentAuthorized? Authorization { get; private set; }

    public bool IsCaptured { get; private set; }

    /// <summary>The stock was committed: the sale happened, and there is nothing left to give back.</summary>
    public bool IsSold { get; private set; }

    public DateTimeOffset Now => new(DateTime.SpecifyKind(Context.CurrentUtcDateTime, DateTimeKind.Utc));

    /// <summary>Records a fact that no step records itself (steps that change stock or money record their own).</summary>
    public async Task RecordAsync(OrderEventData data)
    {
        var fact = NewFact(data);
        await Context.CallActivityAsync<int>(nameof(RecordOrderEvent), new RecordOrderEventInput(Input.OrderId, fact.EventId, fact.OccurredAt, fact.Data), _stepRetry);
        Count(data);
    }

    /// <summary>A fact for a step to record, named and timed here as <see cref="RecordAsync"/> would.</summary>
    private OrderFact NewFact(OrderEventData data) => new(NewEventId(), Now, data);

    /// <summary>Counts the outcome a recorded fact stands for, whichever step recorded it.</summary>
    private void Count(OrderEventData data)
    {
        // Once per fact: a replay passes here again, and a retried activity is one completion in the history.
        if (!Context.IsReplaying)
            CommerceMetrics.OrderEventRecorded(data, Input.Fulfillment);
    }

    /// <summary>
    /// The id of the next event a step will record: the order id and the step's position in the saga, so every replay
    /// and every re-execution names the same event, and a step that runs again records nothing twice. Not
    /// <c>context.NewGuid()</c>: that GUID derives from the episode's timestamp, and an episode whose checkpoint was lost
    /// in a crash (the backend writes history after it sent the step's messages) runs again with a new timestamp, so it
    /// would name the event its already-dispatched step recorded differently. Unique across orders, as the bus's
    /// duplicate detection (message id = event id) needs.
    /// </summary>
    public string NewEventId() => $"{Input.OrderId}:{++_eventsNamed}";

    public Task<TResult> StepAsync<TResult>(string activityName, object input) =>
        Context.CallActivityAsync<TResult>(activityName, input, _stepRetry);

    public async Task<ReservationResult> ReserveStockAsync()
    {
        var reservation = await StepAsync<ReservationResult>(nameof(ReserveStock), new ReserveStockInput(Input.OrderId, Input.LocationId, Input.Lines, NewEventId()));
        HoldsStock = reservation.Reserved;
        return reservation;
    }

    /// <summary>Remembers the authorization (already recorded by the authorizing step) for compensation.</summary>
    public void Authorized(PaymentAuthorized authorized) => Authorization = authorized;

    public async Task ReleaseStockAsync()
    {
        await StepAsync<bool>(nameof(ReleaseStock), new StockMovementInput(Input.OrderId, Input.LocationId, NewEventId()));
        HoldsStock = false;
    }

    /// <summary>
    /// A step failed even after its retries. Gives back whatever the order holds and ends it as rejected, so that no
    /// stock stays reserved and no authorization stays open behind a stuck order. If the compensation fails too, the
    /// exception ends the orchestration as Failed for an operator to see.
    /// </summary>
    public async Task<OrderStatus> GiveUpAsync(TaskFailedException failure)
    {
        await CompensateAsync();
        await RecordAsync(new OrderRejected(StatusReason.ProcessingFailed, $"The step {failure.TaskName} kept failing; the order was not completed."));
        return OrderStatus.Rejected;
    }

    /// <summary>Gives back whatever the order holds and ends it as cancelled.</summary>
    public async Task<OrderStatus> CancelAsync(StatusReason reason)
    {
        await CompensateAsync();
        await RecordAsync(new OrderCancelled(reason));
        return OrderStatus.Cancelled;
    }

    /// <summary>Undoes what the order holds, from the one record of it kept here: the money first, then the stock.</summary>
    private async Task CompensateAsync()
    {
        if (Authorization is not null)
            await SettleAuthorizationAsync(Authorization, IsCaptured);
        if (HoldsStock)
            await ReleaseStockAsync();
    }

    /// <summary>Gives the money back: a refund once captured, a void before.</summary>
    private async Task SettleAuthorizationAsync(PaymentAuthorized authorization, bool captured)
    {
        var settle = new SettlePaymentInput(Input.OrderId, authorization.AuthorizationId, authorization.Amount, NewEventId());
        await StepAsync<bool>(captured ? nameof(RefundPayment) : nameof(VoidPayment), settle);

        Authorization = null;
        IsCaptured = false;
    }

    /// <summary>
    /// Capture, commit the stock, done. A cancellation that lands during capture is refunded. A delivery order is
    /// confirmed as its money is taken (<paramref name="confirmFirst"/>): the capture step records the confirmation
    /// first, and the commit step records the order's end, so a delivery order takes four steps, not six, and records
    /// the same events in the same order.
    /// </summary>
    public async Task<OrderStatus> CompleteAsync(bool honourLateCancellation, OrderConfirmed? confirmFirst = null)
    {
        var authorization = Authorization ?? throw new InvalidOperationException($"Order {Input.OrderId} has no authorization to capture.");
        var recordFirst = confirmFirst is null ? null : NewFact(confirmFirst);
        await StepAsync<bool>(nameof(CapturePayment), new CapturePaymentInput(Input.OrderId, authorization.AuthorizationId, authorization.Amount, NewEventId(), recordFirst));
        IsCaptured = true;
        if (honourLateCancellation && IsCancellationRequested)
            return await CancelAsync(StatusReason.CustomerCancelled);

        await CommitStockAsync();
        Count(new OrderCompleted());
        return OrderStatus.Completed;
    }

    private async Task CommitStockAsync()
    {
        var committed = NewEventId();
        try
        {
            await StepAsync<bool>(nameof(CommitStock), new CommitStockInput(Input.OrderId, Input.LocationId, committed, CompletedEventId: NewEventId()));
        }
        catch (TaskFailedException failure) when (failure.FailureDetails.IsCausedBy<UnrecordedSaleException>())
        {
            // The stock was committed and only its record failed: the order is sold, so the saga ends Failed for an
            // operator instead of refunding it.
            Sold();
            throw;
        }

        Sold();
    }

    private void Sold()
    {
        HoldsStock = false;
        IsSold = true;
    }
}
