using AsyncCommerce.Payments;

namespace AsyncCommerce.Orders;

/// <summary>Folds order events into the <see cref="OrderView"/>. Pure: same events, same view.</summary>
public static class OrderProjection
{
    /// <summary>
    /// Applies the events that are newer than the view. Events at or below the view's version were
    /// applied before, which makes re-delivery and replays harmless.
    /// </summary>
    public static OrderView? Apply(OrderView? view, IEnumerable<OrderEvent> events)
    {
        foreach (var orderEvent in events.OrderBy(e => e.Sequence))
            view = Apply(view, orderEvent);
        return view;
    }

    /// <summary>Applies one event; an event at or below the view's version was applied before and changes nothing.</summary>
    public static OrderView Apply(OrderView? view, OrderEvent orderEvent)
    {
        ArgumentNullException.ThrowIfNull(orderEvent);
        if (view is not null && orderEvent.Sequence <= view.Version)
            return view;

        if (orderEvent.Data is OrderPlaced placed)
            return Create(orderEvent, placed);

        if (view is null)
            throw new InvalidOperationException($"Order {orderEvent.OrderId}: the stream must start with {nameof(OrderPlaced)}, found {orderEvent.Type}.");

        var next = Evolve(view, orderEvent.Data);
        return next with { Version = orderEvent.Sequence, UpdatedAt = orderEvent.OccurredAt };
    }

    private static OrderView Create(OrderEvent orderEvent, OrderPlaced placed) => new(
        orderEvent.OrderId,
        OrderStatus.Accepted,
        StatusReason: null,
        placed.CustomerId,
        placed.Fulfillment,
        placed.Lines,
        placed.Total,
        new PaymentView(PaymentStatus.Pending, Method: null, Attempts: []),
        placed.Fulfillment.Type == FulfillmentType.Pickup ? new PickupView(placed.Fulfillment.StoreId!, null, null, null) : null,
        orderEvent.Sequence,
        orderEvent.OccurredAt,
        orderEvent.OccurredAt);

    private static OrderView Evolve(OrderView view, OrderEventData data) => data switch
    {
        StockReserved => view with { Status = OrderStatus.Processing },
        PaymentAttempted attempt => view with
        {
            Payment = view.Payment with { Attempts = [.. view.Payment.Attempts, new PaymentAttemptView(attempt.Method, attempt.Outcome, attempt.Reason)] },
        },
        PaymentAuthorized authorized => view with
        {
            Payment = view.Payment with { Status = PaymentStatus.Authorized, Method = authorized.Method },
        },
        PaymentMethodsExhausted => view with
        {
            Status = OrderStatus.AwaitingPaymentMethod,
            Payment = view.Payment with { Status = PaymentStatus.Failed },
        },
        PaymentMethodAdded => view with
        {
            Status = OrderStatus.Processing,
            Payment = view.Payment with { Status = PaymentStatus.Pending },
        },
        OrderConfirmed => view with { Status = OrderStatus.Confirmed },
        ReadyForPickup ready => view with
        {
            Status = OrderStatus.ReadyForPickup,
            Pickup = new PickupView(ready.StoreId, ready.Code, ready.ReadyAt, ready.ExpiresAt),
        },
        PaymentCaptured => view with { Payment = view.Payment with { Status = PaymentStatus.Captured } },
        PaymentVoided => view with { Payment = view.Payment with { Status = PaymentStatus.Voided } },
        PaymentRefunded => view with { Payment = view.Payment with { Status = PaymentStatus.Refunded } },
        OrderCompleted => view with { Status = OrderStatus.Completed, StatusReason = null },
        OrderCancelled cancelled => view with { Status = OrderStatus.Cancelled, StatusReason = cancelled.Reason },
        OrderRejected rejected => view with
        {
            Status = OrderStatus.Rejected,
            StatusReason = rejected.Reason,
            Payment = rejected.Reason == StatusReason.PaymentFailed ? view.Payment with { Status = PaymentStatus.Failed } : view.Payment,
        },

        // Alerts and stock movements are on the stream for the audit trail; they do not change the view.
        PickupPreparationOverdue or PickupReminderDue or StockCommitted or StockReleased => view,
        _ => throw new InvalidOperationException($"Order {view.OrderId}: no projection for event type {data.Type}."),
    };
}
