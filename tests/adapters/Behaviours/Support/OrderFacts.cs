using AsyncCommerce.Orders;
using AsyncCommerce.Payments;
using AsyncCommerce.Privacy;

namespace AsyncCommerce.Adapters.Behaviours.Support;

/// <summary>Ready-made order facts for tests that need a plausible order but care about one detail of it.</summary>
public static class OrderFacts
{
    public const string CustomerId = "cust-42";

    public static readonly DateTimeOffset Epoch = new(2025, 1, 1, 9, 0, 0, TimeSpan.Zero);

    public static Contact Contact(string? email = "ada@example.com", string? phone = null) => new(email, phone);

    public static Fulfillment Pickup(string storeId) => new(FulfillmentType.Pickup, storeId, null);

    public static Fulfillment Delivery() => new(FulfillmentType.Delivery, null, new Address("1 Main St", "Seattle", "98101", "US"));

    /// <summary>An order placed by <paramref name="customerKey"/>'s customer (a throwaway key when null), its contact sealed under that key.</summary>
    public static OrderPlaced Placed(Contact? contact = null, Fulfillment? fulfillment = null, CustomerKey? customerKey = null)
    {
        var line = new OrderLine("SKU-1001", 1, 129.99m, 129.99m);
        var key = customerKey ?? CustomerKey.New(CustomerId);
        return new OrderPlaced(key.CustomerId, PersonalDataProtection.Seal(key, contact ?? Contact()), fulfillment ?? Pickup("store-001"), "store-001", [line], new Money(129.99m, "USD"), ["card"]);
    }

    public static OrderView View(string orderId, Fulfillment fulfillment, OrderStatus status = OrderStatus.Confirmed, int version = 1, DateTimeOffset? createdAt = null)
    {
        var created = createdAt ?? Epoch;
        var pickup = fulfillment.Type == FulfillmentType.Pickup ? new PickupView(fulfillment.StoreId!, null, null, null) : null;
        return new OrderView(
            orderId,
            status,
            StatusReason: null,
            "cust-42",
            fulfillment,
            [new OrderLine("SKU-1001", 1, 129.99m, 129.99m)],
            new Money(129.99m, "USD"),
            new PaymentView(PaymentStatus.Authorized, "card", []),
            pickup,
            version,
            created,
            created.AddMinutes(version));
    }
}
