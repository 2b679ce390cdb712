namespace AsyncCommerce.Api.Checkout;

/// <summary>The 202 body of POST /api/checkouts; a replay returns it unchanged.</summary>
public sealed record CheckoutAccepted(string OrderId, string Status, string StatusUrl);
