using System.ComponentModel.DataAnnotations;
using AsyncCommerce.Payments;

namespace AsyncCommerce.Checkout;

// The wire shape of POST /api/checkouts. Every member is nullable on purpose: the validator, not the JSON reader,
// decides what is missing so that each problem is reported under its JSON path. The data annotations do not
// validate anything; they describe the contract in the OpenAPI document (required members, lengths, ranges) from
// the same limits the validator enforces (CheckoutLimits).

public sealed record CheckoutRequest(
    [property: Required, Length(1, CheckoutLimits.MaxIdLength)] string? CustomerId,
    ContactRequest? Contact,
    [property: Required, Length(3, 3)] string? Currency,
    [property: Required, Length(CheckoutLimits.MinLines, CheckoutLimits.MaxLines)] IReadOnlyList<CheckoutLineRequest?>? Lines,
    [property: Required] FulfillmentRequest? Fulfillment,
    [property: Required, Length(CheckoutLimits.MinPayments, CheckoutLimits.MaxPayments)] IReadOnlyList<PaymentMethodRequest?>? Payments);

public sealed record ContactRequest(string? Email, string? Phone);

public sealed record CheckoutLineRequest(
    [property: Required, Length(1, CheckoutLimits.MaxIdLength)] string? Sku,
    [property: Required, Range(CheckoutLimits.MinQuantity, CheckoutLimits.MaxQuantity)] int? Quantity);

/// <summary>A pickup (<c>storeId</c>) or a delivery (<c>address</c>); the OpenAPI document describes it as a union on <c>type</c>.</summary>
public sealed record FulfillmentRequest(
    [property: Required] string? Type,
    string? StoreId,
    AddressRequest? Address);

public sealed record AddressRequest(
    [property: Required, Length(1, CheckoutLimits.MaxAddressLineLength)] string? Line1,
    [property: Required, Length(1, CheckoutLimits.MaxCityLength)] string? City,
    [property: Required, Length(1, CheckoutLimits.MaxPostalCodeLength)] string? PostalCode,
    [property: Required, Length(2, 2)] string? Country);

public sealed record PaymentMethodRequest(
    [property: Required, AllowedValues(PaymentMethods.Card, PaymentMethods.Wallet, PaymentMethods.GiftCard, PaymentMethods.PayInStore)] string? Method,
    [property: Required, Length(1, CheckoutLimits.MaxTokenLength)] string? Token);
