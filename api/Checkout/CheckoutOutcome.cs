namespace AsyncCommerce.Api.Checkout;

/// <summary>
/// How an acceptance ended, in the shop's terms; the HTTP handler maps each to its status and problem
/// (<see cref="CheckoutEndpoints.AcceptAsync"/>), so the service knows nothing of HTTP.
/// </summary>
public abstract record CheckoutOutcome;

/// <summary>The order is placed and its saga scheduled; <paramref name="Replayed"/> when an earlier request with the key placed it.</summary>
public sealed record OrderAccepted(string OrderId, bool Replayed) : CheckoutOutcome;

/// <summary>The checkout is invalid: the problems keyed by JSON path. Nothing was stored, and the key stays unused.</summary>
public sealed record CheckoutInvalid(IReadOnlyDictionary<string, string[]> Errors) : CheckoutOutcome;

/// <summary>The Idempotency-Key was already used with a different request body.</summary>
public sealed record KeyReusedWithDifferentBody : CheckoutOutcome;

/// <summary>Another request with the same key and body is still being accepted after the duplicate wait.</summary>
public sealed record StillBeingAccepted : CheckoutOutcome;
