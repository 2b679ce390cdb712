using AsyncCommerce.Orders;

namespace AsyncCommerce.Adapters.Simulated.Payments;

/// <summary>One line of the simulated gateway's ledger: an approved authorization and what became of it.</summary>
public sealed record SimulatedAuthorization(
    string AuthorizationId,
    string OrderId,
    string Method,
    Money Amount,
    bool Deferred,
    AuthorizationState State,
    Money? Captured = null,
    Money? Refunded = null);

public enum AuthorizationState
{
    Authorized,
    Captured,
    Voided,
    Refunded,
}
