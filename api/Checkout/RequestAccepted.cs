namespace AsyncCommerce.Api.Checkout;

/// <summary>The 202 body of a change to an existing order (cancel, new payment method, pickup steps): poll <see cref="StatusUrl"/> for the outcome.</summary>
public sealed record RequestAccepted(string OrderId, string StatusUrl);
