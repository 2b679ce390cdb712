using AsyncCommerce.Orders;
using AsyncCommerce.Testing;

namespace AsyncCommerce.LocalHost.Tests.Storage;

/// <summary>The kinds of order a crash test places, and what each must end as.</summary>
internal sealed record OrderKind(string Name, CheckoutBody Body, FulfillmentType Fulfillment, OrderStatus FinalStatus, string[] NotificationKinds)
{
    public static IReadOnlyList<OrderKind> All { get; } =
    [
        new("delivery", CheckoutBody.Delivery().WithLines(("SKU-1001", 1), ("SKU-1002", 2)), FulfillmentType.Delivery, OrderStatus.Completed, ["OrderConfirmed", "Completed"]),
        new("pickup", CheckoutBody.Pickup("store-002").WithLines(("SKU-1003", 1)), FulfillmentType.Pickup, OrderStatus.Completed, ["OrderConfirmed", "ReadyForPickup", "Completed"]),
        new("fallback", CheckoutBody.Delivery().WithLines(("SKU-1004", 1)).WithPayments(("card", "tok_decline"), ("wallet", "wal_ok")), FulfillmentType.Delivery, OrderStatus.Completed, ["OrderConfirmed", "Completed"]),
        new("flaky pickup", CheckoutBody.Pickup("store-003").WithLines(("SKU-1005", 2)).WithPayments(("card", "tok_flaky")), FulfillmentType.Pickup, OrderStatus.Completed, ["OrderConfirmed", "ReadyForPickup", "Completed"]),
        new("declined only", CheckoutBody.Delivery().WithLines(("SKU-1006", 1)).WithPayments(("card", "tok_decline")), FulfillmentType.Delivery, OrderStatus.Rejected, ["PaymentActionRequired", "Rejected"]),
        new("flaky delivery", CheckoutBody.Delivery().WithLines(("SKU-1007", 1), ("SKU-1001", 1)).WithPayments(("card", "tok_flaky")), FulfillmentType.Delivery, OrderStatus.Completed, ["OrderConfirmed", "Completed"]),
    ];
}
