using System.Diagnostics;
using AsyncCommerce.Notifications;
using AsyncCommerce.Orders;

namespace AsyncCommerce.Telemetry;

/// <summary>
/// The spans of an order event's way to the customer. Each continues the trace the event carries
/// (<see cref="OrderEvent.TraceParent"/>), so publishing and sending, wherever and whenever they run, join the
/// order's trace from its accept.
/// </summary>
public static class OrderEventTracing
{
    /// <summary>Publishes <paramref name="orderEvent"/> inside a producer span of the order's trace.</summary>
    public static async Task PublishTracedAsync(this IOrderEventPublisher publisher, OrderEvent orderEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(publisher);
        ArgumentNullException.ThrowIfNull(orderEvent);
        using var span = StartFor($"publish {orderEvent.Type}", ActivityKind.Producer, orderEvent);
        try
        {
            await publisher.PublishAsync(orderEvent, cancellationToken);
        }
        catch (Exception failure)
        {
            span?.SetStatus(ActivityStatusCode.Error, failure.GetType().Name);
            throw;
        }
    }

    /// <summary>
    /// The event as a bus delivers it: carrying the publishing span's trace context (when one is recorded), so the
    /// consumer's spans hang below the publish.
    /// </summary>
    public static OrderEvent AsPublished(this OrderEvent orderEvent)
    {
        ArgumentNullException.ThrowIfNull(orderEvent);
        return CommerceTelemetry.CurrentTraceParent() is { } publishing ? orderEvent with { TraceParent = publishing } : orderEvent;
    }

    /// <summary>A consumer span for sending one notification of <paramref name="orderEvent"/>.</summary>
    public static Activity? StartNotificationSend(OrderEvent orderEvent, NotificationKind kind, NotificationChannel channel)
    {
        ArgumentNullException.ThrowIfNull(orderEvent);
        var span = StartFor($"notify {kind}", ActivityKind.Consumer, orderEvent);
        span?.SetTag(CommerceTags.NotificationKind, kind.ToString());
        span?.SetTag(CommerceTags.NotificationChannel, channel.ToString());
        return span;
    }

    private static Activity? StartFor(string name, ActivityKind kind, OrderEvent orderEvent)
    {
        var span = CommerceTelemetry.StartActivity(name, kind, orderEvent.TraceParent);
        span?.SetTag(CommerceTags.OrderId, orderEvent.OrderId);
        span?.SetTag(CommerceTags.EventType, orderEvent.Type);
        span?.SetTag(CommerceTags.EventSequence, orderEvent.Sequence);
        return span;
    }
}
