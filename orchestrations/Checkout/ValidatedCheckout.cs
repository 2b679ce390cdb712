using AsyncCommerce.Orders;

namespace AsyncCommerce.Checkout;

/// <summary>A checkout that passed validation, priced from the catalog.</summary>
public sealed record ValidatedCheckout(OrderPlaced Order, IReadOnlyList<PaymentInstruction> Payments);

/// <summary>Either a <see cref="ValidatedCheckout"/> or the problems keyed by JSON path (<c>lines[0].quantity</c>).</summary>
public sealed record CheckoutValidation(ValidatedCheckout? Checkout, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool IsValid => Checkout is not null;
}
