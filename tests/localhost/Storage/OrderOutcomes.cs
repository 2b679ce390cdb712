using System.Net;
using System.Text.Json;
using AsyncCommerce.Catalog;
using AsyncCommerce.Orders;
using AsyncCommerce.Testing;

namespace AsyncCommerce.LocalHost.Tests.Storage;

/// <summary>
/// Drives placed orders to their end through the API (store staff mark pickups ready and hand them over), and checks
/// what must hold for every one of them afterwards: the right final state, no event twice, every notification once,
/// and stock exact to the unit.
/// </summary>
internal static class OrderOutcomes
{
    // Facts an order's stream holds at most once, however often a step ran.
    private static readonly string[] OnceOnly =
    [
        nameof(OrderPlaced), nameof(StockReserved), nameof(PaymentAuthorized), nameof(PaymentMethodsExhausted), nameof(OrderConfirmed),
        nameof(ReadyForPickup), nameof(PaymentCaptured), nameof(PaymentVoided), nameof(StockCommitted), nameof(StockReleased),
        nameof(OrderCompleted), nameof(OrderCancelled), nameof(OrderRejected),
    ];

    public static async Task DriveToTheEndAsync(HttpClient http, IReadOnlyList<PlacedOrder> orders, TimeSpan timeout)
    {
        await Eventually.UntilAsync(
            async () =>
            {
                var open = 0;
                foreach (var order in orders)
                {
                    var view = await http.GetOrderAsync(order.OrderId)
                        ?? throw new InvalidOperationException($"Order {order.OrderId} ({order.Kind.Name}) was accepted and is gone.");
                    if (view.Status.IsFinal())
                        continue;
                    open++;
                    if (view.Status == OrderStatus.Confirmed && view.Fulfillment.Type == FulfillmentType.Pickup)
                        (await http.MarkPickupReadyAsync(order.StoreId!, order.OrderId)).Dispose();
                    else if (view.Status == OrderStatus.ReadyForPickup)
                        (await http.CollectPickupAsync(order.StoreId!, order.OrderId, view.Pickup!.Code)).Dispose();
                }

                return open;
            },
            open => open == 0,
            "every order to reach its end",
            timeout);
    }

    public static async Task AssertEachEndedRightAsync(HttpClient http, IReadOnlyList<PlacedOrder> orders)
    {
        foreach (var order in orders)
        {
            var view = (await http.GetOrderAsync(order.OrderId))!;
            Assert.True(order.Kind.FinalStatus == view.Status, $"{order.OrderId} ({order.Kind.Name}) ended {view.Status}/{view.StatusReason}, expected {order.Kind.FinalStatus}");
            await AssertNoEventTwiceAsync(http, order);
            await AssertNotifiedOncePerChannelAsync(http, order);
        }
    }

    /// <summary>onHand and reserved exact at every location of every SKU the orders touched: seed minus what completed orders took.</summary>
    public static async Task AssertStockExactAsync(HttpClient http, IReadOnlyList<PlacedOrder> orders)
    {
        var sold = new Dictionary<(string Sku, string LocationId), int>();
        foreach (var order in orders.Where(o => o.Kind.FinalStatus == OrderStatus.Completed))
        {
            var view = (await http.GetOrderAsync(order.OrderId))!;
            var location = order.StoreId ?? Locations.FulfillmentCentre;
            foreach (var line in view.Lines)
                sold[(line.Sku, location)] = sold.GetValueOrDefault((line.Sku, location)) + line.Quantity;
        }

        foreach (var sku in orders.SelectMany(o => o.Kind.Body.Skus()).Distinct())
        {
            var inventory = await http.GetInventoryAsync(sku);
            foreach (var level in inventory.Locations)
            {
                var seeded = SeedData.InitialStock.Single(s => s.Sku == sku && s.LocationId == level.LocationId).OnHand;
                var expected = seeded - sold.GetValueOrDefault((sku, level.LocationId));
                Assert.True(expected == level.OnHand && level.Reserved == 0, $"{sku}@{level.LocationId}: onHand {level.OnHand} (expected {expected}), reserved {level.Reserved} (expected 0)");
            }
        }
    }

    private static async Task AssertNoEventTwiceAsync(HttpClient http, PlacedOrder order)
    {
        var events = await http.GetEventsAsync(order.OrderId);
        Assert.Equal(events.Count, events.Select(e => e.EventId).Distinct().Count());
        Assert.Equal(Enumerable.Range(1, events.Count), events.Select(e => e.Sequence));
        foreach (var type in OnceOnly)
            Assert.True(events.Count(e => e.Type == type) <= 1, $"{order.OrderId} ({order.Kind.Name}) holds {type} more than once: {string.Join(", ", events.Select(e => e.Type))}");

        // An approval or a decline of one payment method is one fact; only transient failures may repeat.
        var settled = events.Where(e => e.Type == nameof(PaymentAttempted))
            .Select(e => JsonSerializer.Serialize(e.Data))
            .Where(data => !data.Contains("TransientFailure", StringComparison.Ordinal))
            .ToList();
        Assert.True(settled.Count == settled.Distinct().Count(), $"{order.OrderId} ({order.Kind.Name}) records a payment answer twice: {string.Join(" ", settled)}");
    }

    private static async Task AssertNotifiedOncePerChannelAsync(HttpClient http, PlacedOrder order)
    {
        var sent = await http.GetNotificationsAsync(order.OrderId);
        var expected = order.Kind.NotificationKinds.SelectMany(kind => new[] { $"{kind}/Email", $"{kind}/Sms" }).Order(StringComparer.Ordinal);
        var actual = sent.Select(n => $"{n.Kind}/{n.Channel}").Order(StringComparer.Ordinal);
        Assert.Equal(expected, actual);
    }

    public static async Task<bool> IsFinalAsync(HttpClient http, PlacedOrder order) =>
        (await http.GetOrderAsync(order.OrderId))?.Status.IsFinal() == true;

    public static async Task<HttpStatusCode> StatusCodeOfAsync(HttpClient http, string orderId)
    {
        using var response = await http.GetAsync(new Uri($"/api/checkouts/{orderId}", UriKind.Relative));
        return response.StatusCode;
    }
}
