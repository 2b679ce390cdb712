using AsyncCommerce.Checkout;

namespace AsyncCommerce.Orchestrations.Tests;

/// <summary>
/// Valid checkout requests against <see cref="AsyncCommerce.Adapters.InMemory.SeedData"/>; a test changes the
/// one thing it is about with a <c>with</c> expression.
/// </summary>
public static class CheckoutRequests
{
    public static CheckoutRequest PickupCheckout(string storeId = "store-001") => new(
        "cust-42",
        new ContactRequest("ada@example.com", "+15551234567"),
        "USD",
        [Line("SKU-1001", 2)],
        new FulfillmentRequest("pickup", storeId, null),
        [Payment("card", "tok_visa")]);

    public static CheckoutRequest DeliveryCheckout() => PickupCheckout() with { Fulfillment = DeliveryTo(Address()) };

    public static CheckoutLineRequest Line(string? sku, int? quantity) => new(sku, quantity);

    public static PaymentMethodRequest Payment(string? method, string? token) => new(method, token);

    public static FulfillmentRequest DeliveryTo(AddressRequest? address) => new("delivery", null, address);

    public static AddressRequest Address() => new("1 Main St", "Springfield", "12345", "US");

    /// <summary>A valid address with one field (<c>line1</c>, <c>city</c>, <c>postalCode</c>, <c>country</c>) set to <paramref name="value"/>.</summary>
    public static AddressRequest AddressWith(string field, string? value) => field switch
    {
        "line1" => Address() with { Line1 = value },
        "city" => Address() with { City = value },
        "postalCode" => Address() with { PostalCode = value },
        "country" => Address() with { Country = value },
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Not an address field."),
    };
}
