using System.Text.Json;
using AsyncCommerce.Benchmarks.CheckoutThroughput.Load.Api;
using AsyncCommerce.Orders;

namespace AsyncCommerce.Benchmarks.CheckoutThroughput.Load.Run;

/// <summary>
/// An order's life from its event stream (GET /api/checkouts/{id}/events): the host's own timestamps, so the times do
/// not include how late the tool noticed.
/// </summary>
internal sealed record OrderTimeline(string OrderId, bool IsPickup, DateTimeOffset PlacedAt, DateTimeOffset? ConfirmedAt, DateTimeOffset? EndedAt, string Outcome)
{
    public double? ToConfirmedMs => ConfirmedAt is { } at ? (at - PlacedAt).TotalMilliseconds : null;

    public double? ToCompletedMs => Outcome == nameof(OrderStatus.Completed) && EndedAt is { } at ? (at - PlacedAt).TotalMilliseconds : null;

    public static OrderTimeline From(string orderId, bool isPickup, IReadOnlyList<EventEntry> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var placed = events.First(e => e.Type == nameof(OrderPlaced)).OccurredAt;
        var confirmed = events.FirstOrDefault(e => e.Type == nameof(OrderConfirmed))?.OccurredAt;
        var end = events.LastOrDefault(e => e.Type is nameof(OrderCompleted) or nameof(OrderCancelled) or nameof(OrderRejected));
        return new OrderTimeline(orderId, isPickup, placed, confirmed, end?.OccurredAt, Describe(end));
    }

    public static async Task<IReadOnlyList<OrderTimeline>> ReadAllAsync(CommerceClient client, IReadOnlyList<TrackedOrder> orders, int parallelism, ErrorTally errors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(errors);
        var timelines = new OrderTimeline?[orders.Count];
        await Parallel.ForAsync(0, orders.Count, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken }, async (i, token) =>
        {
            try
            {
                timelines[i] = From(orders[i].OrderId, orders[i].Script.IsPickup, await client.GetEventsAsync(orders[i].OrderId, token));
            }
            catch (HttpRequestException error)
            {
                errors.Add(CallFailure.Describe("GET events", error));
            }
        });
        return [.. timelines.OfType<OrderTimeline>()];
    }

    // Completed, Cancelled (CustomerCancelled), Rejected (PaymentFailed), or not finished.
    private static string Describe(EventEntry? end) => end?.Type switch
    {
        null => "not finished",
        nameof(OrderCompleted) => nameof(OrderStatus.Completed),
        nameof(OrderCancelled) => $"{nameof(OrderStatus.Cancelled)} ({Reason(end.Data)})",
        _ => $"{nameof(OrderStatus.Rejected)} ({Reason(end.Data)})",
    };

    private static string? Reason(JsonElement data) =>
        data.ValueKind == JsonValueKind.Object && data.TryGetProperty("reason", out var reason) ? reason.ToString() : null;
}
