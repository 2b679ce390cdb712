using AsyncCommerce.Inventory;
using AsyncCommerce.Orders;
using AsyncCommerce.Payments;
using AsyncCommerce.Pickup;

namespace AsyncCommerce.Checkout;

/// <summary>
/// The saga's input: ids, quantities, amounts and the durations in force when the order was accepted.
/// Durations travel in the input (not read from options while running) so that a replay never sees a
/// different value than the first execution did.
/// </summary>
public sealed record CheckoutInput(
    string OrderId,
    FulfillmentType Fulfillment,
    string LocationId,
    string? StoreId,
    Money Total,
    IReadOnlyList<StockLine> Lines,
    IReadOnlyList<PaymentInstruction> Payments,
    WorkflowTimings Timings);

public sealed record WorkflowTimings(
    TimeSpan AwaitPaymentMethodTimeout,
    int PaymentRetryMaxAttempts,
    TimeSpan PaymentRetryFirstInterval,
    double PaymentRetryBackoffCoefficient,
    TimeSpan PaymentRetryMaxInterval,
    TimeSpan PreparationDeadline,
    TimeSpan PickupWindow,
    TimeSpan ReminderBeforeExpiry,
    int StepRetryMaxAttempts,
    TimeSpan StepRetryFirstInterval,
    TimeSpan StepRetryMaxInterval)
{
    public static WorkflowTimings From(PaymentOptions payment, PickupOptions pickup, WorkflowOptions workflow)
    {
        ArgumentNullException.ThrowIfNull(payment);
        ArgumentNullException.ThrowIfNull(pickup);
        ArgumentNullException.ThrowIfNull(workflow);
        return new(
            payment.AwaitPaymentMethodTimeout,
            payment.RetryMaxAttempts,
            payment.RetryFirstInterval,
            payment.RetryBackoffCoefficient,
            payment.RetryMaxInterval,
            pickup.PreparationDeadline,
            pickup.Window,
            pickup.ReminderBeforeExpiry,
            workflow.StepRetryMaxAttempts,
            workflow.StepRetryFirstInterval,
            workflow.StepRetryMaxInterval);
    }
}
