namespace AsyncCommerce.Checkout;

// The wire shape of POST /api/checkouts. Every member is nullable on purpose: the validator, not the
// JSON reader, decides what is missing so that each problem is reported under its JSON path.

public sealed record CheckoutRequest(
    string? CustomerId,
    ContactRequest? Contact,
    string? Currency,
    IReadOnlyList<CheckoutLineRequest?>? Lines,
    FulfillmentRequest? Fulfillment,
    IReadOnlyList<PaymentMethodRequest?>? Payments);

public sealed record ContactRequest(string? Email, string? Phone);

public sealed record CheckoutLineRequest(string? Sku, int? Quantity);

public sealed record FulfillmentRequest(string? Type, string? StoreId, AddressRequest? Address);

public sealed record AddressRequest(string? Line1, string? City, string? PostalCode, string? Country);

public sealed record PaymentMethodRequest(string? Method, string? Token);
