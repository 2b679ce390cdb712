using AsyncCommerce.Orders;

namespace AsyncCommerce.Payments;

/// <summary>
/// Port: a payment gateway. Implementations must honour <see cref="AuthorizationRequest.IdempotencyKey"/>
/// (the same key authorizes at most once) and make capture, void and refund idempotent per authorization,
/// because activities run at least once.
/// </summary>
public interface IPaymentGateway
{
    Task<AuthorizationResult> AuthorizeAsync(AuthorizationRequest request, CancellationToken cancellationToken = default);

    Task CaptureAsync(string authorizationId, Money amount, CancellationToken cancellationToken = default);

    Task VoidAsync(string authorizationId, CancellationToken cancellationToken = default);

    Task RefundAsync(string authorizationId, Money amount, CancellationToken cancellationToken = default);
}

public sealed record AuthorizationRequest(string OrderId, string IdempotencyKey, string Method, string Token, Money Amount);

/// <param name="Deferred">True when the money moves later (pay in store): capture settles it at collection.</param>
public sealed record AuthorizationResult(PaymentOutcome Outcome, string? AuthorizationId, string? Reason, bool Deferred = false)
{
    public static AuthorizationResult Approved(string authorizationId, bool deferred = false) => new(PaymentOutcome.Approved, authorizationId, null, deferred);

    public static AuthorizationResult Declined(string reason) => new(PaymentOutcome.Declined, null, reason);

    public static AuthorizationResult Transient(string reason) => new(PaymentOutcome.TransientFailure, null, reason);
}
