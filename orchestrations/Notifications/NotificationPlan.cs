using AsyncCommerce.Orders;

namespace AsyncCommerce.Notifications;

/// <summary>Which order events the customer hears about, and what they are told.</summary>
public static class NotificationPlan
{
    /// <summary>The event types that notify the customer: what a bus subscription for notifications filters on.</summary>
    public static IReadOnlyList<string> NotifyingEventTypes { get; } =
    [
        nameof(OrderConfirmed),
        nameof(PaymentMethodsExhausted),
        nameof(ReadyForPickup),
        nameof(PickupReminderDue),
        nameof(OrderCompleted),
        nameof(OrderCancelled),
        nameof(OrderRejected),
    ];

    public static NotificationKind? KindFor(OrderEventData data) => data switch
    {
        OrderConfirmed => NotificationKind.OrderConfirmed,
        PaymentMethodsExhausted => NotificationKind.PaymentActionRequired,
        ReadyForPickup => NotificationKind.ReadyForPickup,
        PickupReminderDue => NotificationKind.PickupReminder,
        OrderCompleted => NotificationKind.Completed,
        OrderCancelled => NotificationKind.Cancelled,
        OrderRejected => NotificationKind.Rejected,
        _ => null,
    };

    public static string TextFor(string orderId, OrderEventData data) => data switch
    {
        OrderConfirmed => $"Your order {orderId} is confirmed.",
        PaymentMethodsExhausted => $"We could not take payment for order {orderId}. Please add another payment method.",
        ReadyForPickup ready => $"Order {orderId} is ready at {ready.StoreId}. Your pickup code is {ready.Code}; collect by {ready.ExpiresAt:u}.",
        PickupReminderDue reminder => $"Reminder: order {orderId} is waiting at {reminder.StoreId} until {reminder.ExpiresAt:u}.",
        OrderCompleted => $"Order {orderId} is complete. Thank you!",
        OrderCancelled cancelled => $"Order {orderId} was cancelled ({cancelled.Reason}).",
        OrderRejected rejected => $"We could not complete order {orderId} ({rejected.Reason}).",
        _ => $"Update on order {orderId}.",
    };
}
