namespace AsyncCommerce.Telemetry;

/// <summary>The attribute names the product's spans and metrics carry.</summary>
public static class CommerceTags
{
    public const string OrderId = "asynccommerce.order.id";
    public const string EventType = "asynccommerce.order.event_type";
    public const string EventSequence = "asynccommerce.order.event_sequence";
    public const string Fulfillment = "asynccommerce.order.fulfillment";
    public const string Reason = "asynccommerce.order.reason";
    public const string PaymentMethod = "asynccommerce.payment.method";
    public const string NotificationKind = "asynccommerce.notification.kind";
    public const string NotificationChannel = "asynccommerce.notification.channel";
    public const string DeadLetterReason = "asynccommerce.notification.dead_letter_reason";
    public const string AcceptResult = "asynccommerce.checkout.result";
}
