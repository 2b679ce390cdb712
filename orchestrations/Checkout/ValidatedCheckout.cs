using AsyncCommerce.Orders;
using AsyncCommerce.Privacy;

namespace AsyncCommerce.Checkout;

/// <summary>
/// A checkout that passed validation, priced from the catalog, with the customer's data key its contact was sealed
/// under: whatever else of the request is keyed to the customer (the acceptance's request fingerprint) uses that same
/// key, so one checkout reads the key store once.
/// </summary>
public sealed record ValidatedCheckout(OrderPlaced Order, IReadOnlyList<PaymentInstruction> Payments, CustomerKey CustomerKey);

/// <summary>Either a <see cref="ValidatedCheckout"/> or the problems keyed by JSON path (<c>lines[0].quantity</c>).</summary>
public sealed record CheckoutValidation(ValidatedCheckout? Checkout, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool IsValid => Checkout is not null;
}
