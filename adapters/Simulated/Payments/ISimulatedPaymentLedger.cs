using AsyncCommerce.Payments;

namespace AsyncCommerce.Adapters.Simulated.Payments;

/// <summary>
/// Port: what the simulated gateway remembers, so that a store outliving the process (Azure Tables) keeps its
/// promises across restarts and across instances: an idempotency key authorizes at most once, settlements happen
/// once per authorization, and <see cref="SimulatedTokens.CardFlaky"/> keeps counting where it was.
/// </summary>
public interface ISimulatedPaymentLedger
{
    /// <summary>Counts one authorization call for the order with the token, durably, and returns its number from 1.</summary>
    Task<int> CountCallAsync(string orderId, string token, CancellationToken cancellationToken = default);

    /// <summary>The approval recorded under the idempotency key, or null when none is.</summary>
    Task<AuthorizationResult?> FindApprovalAsync(string idempotencyKey, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records <paramref name="authorization"/> as the approval of the idempotency key, unless an approval is recorded
    /// under it already (by any caller, concurrently or earlier): then that one is returned and nothing is recorded.
    /// </summary>
    Task<AuthorizationResult> RecordApprovalAsync(string idempotencyKey, SimulatedAuthorization authorization, CancellationToken cancellationToken = default);

    Task<SimulatedAuthorization?> FindAuthorizationAsync(string authorizationId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Applies <paramref name="transition"/> to the authorization as stored and stores the result, atomically with
    /// respect to other updates; null when the authorization is unknown. The transition may run more than once (after
    /// a lost race) and must be a pure function of its argument; when it throws, nothing is stored.
    /// </summary>
    Task<SimulatedAuthorization?> UpdateAuthorizationAsync(string authorizationId, Func<SimulatedAuthorization, SimulatedAuthorization> transition, CancellationToken cancellationToken = default);

    /// <summary>Every recorded authorization, oldest first.</summary>
    Task<IReadOnlyList<SimulatedAuthorization>> ListAuthorizationsAsync(CancellationToken cancellationToken = default);
}
