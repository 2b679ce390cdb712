using System.Diagnostics;
using AsyncCommerce.Telemetry;
using Microsoft.AspNetCore.Http;

namespace AsyncCommerce.Api.Checkout;

/// <summary>
/// What an answer of POST /api/checkouts adds to telemetry: its latency, a count of new orders, and the order id on
/// the request's span (the root of the order's trace). Measured around the acceptance, for both hosts alike.
/// </summary>
internal static class CheckoutAcceptTelemetry
{
    public static void Answered(IResult answer, TimeSpan elapsed)
    {
        if (answer is not CheckoutAcceptedResult accepted)
        {
            CommerceMetrics.CheckoutAnswered(elapsed, "refused");
            return;
        }

        CommerceMetrics.CheckoutAnswered(elapsed, accepted.Replayed ? "replayed" : "accepted");
        Activity.Current?.SetTag(CommerceTags.OrderId, accepted.Value.OrderId);
        if (!accepted.Replayed)
            CommerceMetrics.CheckoutAccepted();
    }
}
