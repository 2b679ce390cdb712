namespace AsyncCommerce.Api.OpenApi;

/// <summary>
/// What the API reference pre-fills, chosen so that "try it" works the first time against the seed data every host
/// starts with (store-001, SKU-1001, the simulated gateways' tokens). A test sends each of them.
/// </summary>
public static class ContractExamples
{
    public static readonly RequestExample PickupCheckout = new(
        "pickup",
        "Two pairs of shoes for pickup at store-001; the card declines, the wallet pays",
        """
        {
          "customerId": "cust-42",
          "contact": { "email": "ada@example.com", "phone": "+15551234567" },
          "currency": "USD",
          "lines": [ { "sku": "SKU-1001", "quantity": 2 } ],
          "fulfillment": { "type": "pickup", "storeId": "store-001" },
          "payments": [ { "method": "card", "token": "tok_decline" }, { "method": "wallet", "token": "wal_ok" } ]
        }
        """);

    public static readonly RequestExample DeliveryCheckout = new(
        "delivery",
        "A rain jacket delivered from the fulfillment centre, paid by card",
        """
        {
          "customerId": "cust-7",
          "contact": { "email": "grace@example.com" },
          "currency": "USD",
          "lines": [ { "sku": "SKU-1004", "quantity": 1 } ],
          "fulfillment": { "type": "delivery", "address": { "line1": "1 Main St", "city": "Springfield", "postalCode": "12345", "country": "US" } },
          "payments": [ { "method": "card", "token": "tok_visa" } ]
        }
        """);

    public static readonly RequestExample AddedPaymentMethod = new(
        "wallet", "A wallet that approves, for an order waiting for a payment method", """{ "method": "wallet", "token": "wal_ok" }""");

    public static readonly RequestExample PickupCode = new(
        "code", "The six-digit code the customer shows (GET the order for the real one)", """{ "code": "123456" }""");

    public static readonly RequestExample Restock = new("restock", "25 units on hand", """{ "onHand": 25 }""");

    public static readonly RequestExample StockLevels = new(
        "stock-levels",
        "Counts for two SKUs at a store and the fulfillment centre",
        """{ "levels": [ { "sku": "SKU-1001", "locationId": "store-001", "onHand": 25 }, { "sku": "SKU-1002", "locationId": "dc-001", "onHand": 200 } ] }""");

    /// <summary>Path parameter values that exist in the seed data; an order id comes from a checkout.</summary>
    public static IReadOnlyDictionary<string, string> PathValues { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["storeId"] = "store-001",
        ["sku"] = "SKU-1001",
        ["locationId"] = "store-001",
    };

    public const string IdempotencyKey = "try-it-0001";
}
