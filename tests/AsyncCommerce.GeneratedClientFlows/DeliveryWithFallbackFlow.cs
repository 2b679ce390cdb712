using AsyncCommerce.Client;
using AsyncCommerce.Client.Models;

namespace AsyncCommerce.GeneratedClientFlows;

/// <summary>A delivery whose first card declines: the wallet, the customer's next method, pays and the order completes.</summary>
internal static class DeliveryWithFallbackFlow
{
    public static async Task<string> RunAsync(CommerceClient client)
    {
        var accepted = await client.Api.Checkouts.PostAsync(
            new CheckoutRequest
            {
                CustomerId = "cust-kiota",
                Contact = new ContactRequest { Email = "grace@example.com" },
                Currency = "USD",
                Lines = [new CheckoutLineRequest { Sku = "SKU-1003", Quantity = 1 }],
                Fulfillment = new FulfillmentRequest
                {
                    DeliveryFulfillmentRequest = new DeliveryFulfillmentRequest
                    {
                        Type = DeliveryFulfillmentRequest_type.Delivery,
                        Address = new AddressRequest { Line1 = "1 Main St", City = "Springfield", PostalCode = "12345", Country = "US" },
                    },
                },
                Payments =
                [
                    new PaymentMethodRequest { Method = PaymentMethodRequest_method.Card, Token = "tok_decline" },
                    new PaymentMethodRequest { Method = PaymentMethodRequest_method.Wallet, Token = "wal_ok" },
                ],
            },
            request => request.Headers.Add("Idempotency-Key", $"kiota-delivery-{Guid.NewGuid():N}"));
        var orderId = accepted!.OrderId!;

        var completed = await new OrderFollower(client).WaitForAsync(orderId, OrderStatus.Completed);

        Expect.That(completed.Fulfillment?.DeliveryFulfillment?.Address?.City == "Springfield", "the delivery address");
        var payment = completed.Payment!;
        var attempts = payment.Attempts!.Select(a => (a.Method, a.Outcome)).ToList();
        Expect.That(
            attempts.SequenceEqual([("card", PaymentOutcome.Declined), ("wallet", PaymentOutcome.Approved)]),
            $"a declined card then an approved wallet, got {string.Join(", ", attempts)}");
        Expect.That(payment.Status == PaymentStatus.Captured && payment.Method == "wallet", "the wallet's payment captured");
        await PickupFlow.WaitForNotificationAsync(client, orderId, NotificationKind.Completed);
        return orderId;
    }
}
