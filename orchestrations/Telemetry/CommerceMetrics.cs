using System.Diagnostics;
using System.Diagnostics.Metrics;
using AsyncCommerce.Notifications;
using AsyncCommerce.Orders;

namespace AsyncCommerce.Telemetry;

/// <summary>
/// The business metrics, each counted where its fact happens once: order outcomes, fallbacks and expiries by the
/// saga outside replay (one count per decision in the orchestration's history, however often an activity was retried),
/// notifications when the notification log first records them, dead letters when a message is given up.
/// </summary>
public static class CommerceMetrics
{
    public const string CheckoutsAccepted = "asynccommerce.checkouts.accepted";
    public const string AcceptDuration = "asynccommerce.checkouts.accept.duration";
    public const string OrdersCompleted = "asynccommerce.orders.completed";
    public const string OrdersRejected = "asynccommerce.orders.rejected";
    public const string OrdersCancelled = "asynccommerce.orders.cancelled";
    public const string PaymentFallbacks = "asynccommerce.payments.fallbacks";
    public const string PickupsExpired = "asynccommerce.pickups.expired";
    public const string NotificationsSent = "asynccommerce.notifications.sent";
    public const string NotificationsDeadLettered = "asynccommerce.notifications.dead_lettered";

    /// <summary>Orders an operator must look at (<see cref="MonitoredNames.FailedOrdersMetric"/>): infra/ alerts on it.</summary>
    public static string OrdersFailed => MonitoredNames.Embedded.FailedOrdersMetric;

    /// <summary>What <see cref="OrdersFailed"/> counts: an order compensated after a step kept failing, or a workflow that failed.</summary>
    public const string FailureTag = "asynccommerce.order.failure";

    private static readonly Counter<long> Accepted = CommerceTelemetry.Meter.CreateCounter<long>(CheckoutsAccepted, "{order}", "Checkouts accepted as new orders (202, not an idempotent replay).");
    private static readonly Histogram<double> AcceptSeconds = CommerceTelemetry.Meter.CreateHistogram(
        AcceptDuration, "s", "Time POST /api/checkouts took to answer.", advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5] });
    private static readonly Counter<long> Completed = CommerceTelemetry.Meter.CreateCounter<long>(OrdersCompleted, "{order}", "Orders completed.");
    private static readonly Counter<long> Rejected = CommerceTelemetry.Meter.CreateCounter<long>(OrdersRejected, "{order}", "Orders rejected, by reason.");
    private static readonly Counter<long> Cancelled = CommerceTelemetry.Meter.CreateCounter<long>(OrdersCancelled, "{order}", "Orders cancelled, by reason.");
    private static readonly Counter<long> Failed = CommerceTelemetry.Meter.CreateCounter<long>(OrdersFailed, "{order}", "Orders that ended ProcessingFailed or whose workflow failed.");
    private static readonly Counter<long> Fallbacks = CommerceTelemetry.Meter.CreateCounter<long>(PaymentFallbacks, "{fallback}", "Payment methods that failed and passed the order to the customer's next one.");
    private static readonly Counter<long> Expired = CommerceTelemetry.Meter.CreateCounter<long>(PickupsExpired, "{order}", "Pickup orders not collected within the pickup window.");
    private static readonly Counter<long> Sent = CommerceTelemetry.Meter.CreateCounter<long>(NotificationsSent, "{notification}", "Notifications sent, by kind and channel.");
    private static readonly Counter<long> DeadLettered = CommerceTelemetry.Meter.CreateCounter<long>(NotificationsDeadLettered, "{message}", "Order event messages given up by a notification consumer.");

    public static void CheckoutAccepted() => Accepted.Add(1);

    public static void CheckoutAnswered(TimeSpan elapsed, string result) =>
        AcceptSeconds.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>(CommerceTags.AcceptResult, result));

    /// <summary>Counts the outcome an order event stands for, if it is one (an end, or an expired pickup).</summary>
    public static void OrderEventRecorded(OrderEventData data, FulfillmentType fulfillment)
    {
        switch (data)
        {
            case OrderCompleted:
                Completed.Add(1, new KeyValuePair<string, object?>(CommerceTags.Fulfillment, fulfillment.ToString()));
                break;
            case OrderRejected rejected:
                Rejected.Add(1, Reason(rejected.Reason));
                if (rejected.Reason == StatusReason.ProcessingFailed)
                    OrderFailed(nameof(StatusReason.ProcessingFailed));
                break;
            case OrderCancelled cancelled:
                Cancelled.Add(1, Reason(cancelled.Reason));
                if (cancelled.Reason == StatusReason.PickupExpired)
                    Expired.Add(1);
                break;
        }
    }

    /// <summary>The workflow itself failed (after the sale nothing is compensated): an operator must finish the order.</summary>
    public static void WorkflowFailed() => OrderFailed("WorkflowFailed");

    public static void PaymentFellBack(string failedMethod) =>
        Fallbacks.Add(1, new KeyValuePair<string, object?>(CommerceTags.PaymentMethod, failedMethod));

    public static void NotificationSent(NotificationKind kind, NotificationChannel channel) =>
        Sent.Add(1, new KeyValuePair<string, object?>(CommerceTags.NotificationKind, kind.ToString()), new KeyValuePair<string, object?>(CommerceTags.NotificationChannel, channel.ToString()));

    public static void NotificationDeadLettered(string reason) =>
        DeadLettered.Add(1, new KeyValuePair<string, object?>(CommerceTags.DeadLetterReason, reason));

    private static void OrderFailed(string failure) => Failed.Add(1, new KeyValuePair<string, object?>(FailureTag, failure));

    private static KeyValuePair<string, object?> Reason(StatusReason reason) => new(CommerceTags.Reason, reason.ToString());
}
