using System.Diagnostics;
using AsyncCommerce.Notifications;
using AsyncCommerce.Orders;
using AsyncCommerce.Telemetry;
using AsyncCommerce.Testing;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace AsyncCommerce.LocalHost.Tests.Telemetry;

/// <summary>
/// One order is one trace: the real local host (HTTP pipeline, embedded Durable Task engine, outbox, in-process bus)
/// with only an in-memory exporter added to the telemetry the host itself declares.
/// </summary>
public sealed class OrderTraceTests
{
    private const string DurableInstanceTag = "durabletask.task.instance_id";

    [Fact]
    public async Task DeliveryOrder_FromAcceptToLastNotification_SharesOneTraceId()
    {
        var spans = new RecordedSpans();
        await using var app = new CommerceApp();
        using var host = app.WithServices(services => services.AddOpenTelemetry().WithTracing(tracing => tracing.AddInMemoryExporter(spans)));
        var http = host.CreateClient();

        var orderId = await http.PlaceOrderAsync(CheckoutBody.Delivery().WithPayments(("card", "tok_decline"), ("wallet", "wal_ok")));
        await http.WaitForStatusAsync(orderId, OrderStatus.Completed);
        var ofOrder = await Eventually.UntilAsync(
            () => Task.FromResult(SpansOf(spans, orderId)),
            found => found.Count(span => span.DisplayName == $"notify {nameof(NotificationKind.Completed)}") == 2,
            $"the spans of order {orderId} up to its last notification");

        var accept = Assert.Single(ofOrder, span => span.Kind == ActivityKind.Server && span.Source.Name == "Microsoft.AspNetCore");
        Assert.Equal(default, accept.ParentSpanId);
        Assert.All(ofOrder, span => Assert.Equal(accept.TraceId, span.TraceId));
        var names = ofOrder.Select(span => span.DisplayName).ToHashSet(StringComparer.Ordinal);
        Assert.Superset(
            new HashSet<string>(StringComparer.Ordinal)
            {
                "activity:ReserveStock", "activity:AuthorizePayment", "activity:CapturePayment", "activity:CommitStock",
                $"publish {nameof(OrderPlaced)}", $"publish {nameof(PaymentAuthorized)}", $"publish {nameof(OrderCompleted)}",
                $"notify {nameof(NotificationKind.OrderConfirmed)}", $"notify {nameof(NotificationKind.Completed)}",
            },
            names);
    }

    // Every span that names the order: the request that accepted it, the workflow's, and the event and notification spans.
    private static IReadOnlyList<Activity> SpansOf(RecordedSpans spans, string orderId) =>
    [
        .. spans.Snapshot().Where(span =>
            span.GetTagItem(CommerceTags.OrderId) as string == orderId || span.GetTagItem(DurableInstanceTag) as string == orderId),
    ];
}
