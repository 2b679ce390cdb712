using System.Diagnostics;
using AsyncCommerce.Client;
using AsyncCommerce.Client.Models;

namespace AsyncCommerce.GeneratedClientFlows;

/// <summary>
/// Buy online, pick up in store: checkout, the store marks it ready, the customer collects it with the code. The store's
/// calls go through a client of their own that sends the staff's bearer token; the storefront's carries none.
/// </summary>
internal static class PickupFlow
{
    private const string StoreId = "store-001";

    public static async Task<string> RunAsync(CommerceClient client, CommerceClient store)
    {
        var accepted = await client.Api.Checkouts.PostAsync(
            new CheckoutRequest
            {
                CustomerId = "cust-kiota",
                Contact = new ContactRequest { Email = "ada@example.com", Phone = "+15551234567" },
                Currency = "USD",
                Lines = [new CheckoutLineRequest { Sku = "SKU-1002", Quantity = 2 }],
                Fulfillment = new FulfillmentRequest
                {
                    PickupFulfillmentRequest = new PickupFulfillmentRequest { Type = PickupFulfillmentRequest_type.Pickup, StoreId = StoreId },
                },
                Payments = [new PaymentMethodRequest { Method = PaymentMethodRequest_method.Card, Token = "tok_visa" }],
            },
            request => request.Headers.Add("Idempotency-Key", $"kiota-pickup-{Guid.NewGuid():N}"));
        var orderId = accepted!.OrderId!;
        var orders = new OrderFollower(client);

        var confirmed = await orders.WaitForAsync(orderId, OrderStatus.Confirmed);
        Expect.That(confirmed.Fulfillment?.PickupFulfillment?.StoreId == StoreId, $"a pickup at {StoreId}");
        var queue = await store.Api.Stores[StoreId].Pickups.GetAsync(request => request.QueryParameters.Status = "Confirmed");
        Expect.That(queue!.Any(entry => entry.OrderId == orderId), $"order {orderId} in the store's queue");

        await store.Api.Stores[StoreId].Pickups[orderId].Ready.PostAsync();
        var ready = await orders.WaitForAsync(orderId, OrderStatus.ReadyForPickup);
        await store.Api.Stores[StoreId].Pickups[orderId].Collect.PostAsync(new CollectPickupRequest { Code = ready.Pickup!.Code });
        var completed = await orders.WaitForAsync(orderId, OrderStatus.Completed);
        Expect.That(completed.Payment?.Status == PaymentStatus.Captured, "the payment captured at collection");

        var events = await client.Api.Checkouts[orderId].Events.GetAsync();
        var types = events!.Select(e => e.Type).ToList();
        Expect.That(types.First() == "OrderPlaced" && types.Contains("ReadyForPickup") && types.Last() == "OrderCompleted", $"the stream from OrderPlaced to OrderCompleted, got {string.Join(", ", types)}");
        await WaitForNotificationAsync(client, orderId, NotificationKind.Completed);
        return orderId;
    }

    /// <summary>Notifications fan out through the message bus after the event, so they are read until they arrive.</summary>
    internal static async Task WaitForNotificationAsync(CommerceClient client, string orderId, NotificationKind kind)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var sent = await client.Api.Checkouts[orderId].Notifications.GetAsync();
            if (sent!.Any(n => n.Kind == kind))
                return;
            Expect.That(clock.Elapsed < TimeSpan.FromSeconds(30), $"a {kind} notification for order {orderId}");
            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }
    }
}
