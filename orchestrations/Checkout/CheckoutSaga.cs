using AsyncCommerce.Inventory;
using AsyncCommerce.Orders;
using AsyncCommerce.Payments;
using AsyncCommerce.Telemetry;
using Microsoft.DurableTask;

namespace AsyncCommerce.Checkout;

/// <summary>
/// Orchestrator: the checkout saga. Reserve all stock, take payment (with fallback across the customer's
/// methods), then deliver or hand over to the pickup flow; the customer may cancel at any point before the
/// end, and whatever was done is compensated. Returns the order's final status.
/// </summary>
public sealed class CheckoutSaga : TaskOrchestrator<CheckoutInput, OrderStatus>
{
    public override async Task<OrderStatus> RunAsync(TaskOrchestrationContext context, CheckoutInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var order = new OrderFlow(context, input);
        try
        {
            return await RunOrGiveUpAsync(order);
        }
        catch (TaskFailedException) when (!context.IsReplaying)
        {
            // The orchestration ends Failed: an operator has to finish this order, and the alert on this metric says so.
            CommerceMetrics.WorkflowFailed();
            throw;
        }
    }

    private static async Task<OrderStatus> RunOrGiveUpAsync(OrderFlow order)
    {
        try
        {
            return await RunStepsAsync(order);
        }
        catch (TaskFailedException failure) when (!order.IsSold)
        {
            // A step failed after all its retries: give back what the order holds instead of leaving it stuck.
            // Once the stock is committed the sale has happened; refunding it then would be wrong, so a failure
            // after that point ends the orchestration as Failed for an operator instead.
            return await order.GiveUpAsync(failure);
        }
    }

    private static async Task<OrderStatus> RunStepsAsync(OrderFlow order)
    {
        var input = order.Input;
        var reservation = await order.ReserveStockAsync();
        if (!reservation.Reserved)
        {
            var detail = $"Not enough stock at {input.LocationId} for {string.Join(", ", reservation.ShortSkus)}.";
            await order.RecordAsync(new OrderRejected(StatusReason.OutOfStock, detail));
            return OrderStatus.Rejected;
        }

        if (order.IsCancellationRequested)
            return await order.CancelAsync(StatusReason.CustomerCancelled);

        switch (await PaymentFallback.AuthorizeAsync(order))
        {
            case PaymentPhaseEnd.CancelledByCustomer:
                return await order.CancelAsync(StatusReason.CustomerCancelled);
            case PaymentPhaseEnd.NoMethodInTime:
                await order.ReleaseStockAsync();
                await order.RecordAsync(new OrderRejected(StatusReason.PaymentFailed, "Every payment method failed and no new one arrived in time."));
                return OrderStatus.Rejected;
        }

        if (order.IsCancellationRequested)
            return await order.CancelAsync(StatusReason.CustomerCancelled);

        if (input.Fulfillment == FulfillmentType.Pickup)
            return await PickupFlow.RunAsync(order);

        return await order.CompleteAsync(honourLateCancellation: true, confirmFirst: new OrderConfirmed(FulfillmentType.Delivery));
    }
}
