using AsyncCommerce.Payments;

namespace AsyncCommerce.Adapters.Simulated.Payments;

/// <summary>The simulated gateway's ledger kept in memory: it lives and dies with the process.</summary>
public sealed class InMemorySimulatedPaymentLedger : ISimulatedPaymentLedger
{
    // One lock over the whole ledger: it is small, and every operation on it is a few dictionary steps.
    private readonly Lock _gate = new();
    private readonly Dictionary<string, SimulatedAuthorization> _authorizations = new(StringComparer.Ordinal);
    private readonly List<string> _authorizationOrder = [];
    private readonly Dictionary<string, AuthorizationResult> _approvalsByKey = new(StringComparer.Ordinal);
    private readonly Dictionary<(string OrderId, string Token), int> _calls = [];

    public Task<int> CountCallAsync(string orderId, string token, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(orderId);
        ArgumentNullException.ThrowIfNull(token);
        lock (_gate)
        {
            var count = _calls.GetValueOrDefault((orderId, token)) + 1;
            _calls[(orderId, token)] = count;
            return Task.FromResult(count);
        }
    }

    public Task<AuthorizationResult?> FindApprovalAsync(string idempotencyKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(idempotencyKey);
        lock (_gate)
            return Task.FromResult(_approvalsByKey.GetValueOrDefault(idempotencyKey));
    }

    public Task<AuthorizationResult> RecordApprovalAsync(string idempotencyKey, SimulatedAuthorization authorization, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(idempotencyKey);
        ArgumentNullException.ThrowIfNull(authorization);
        lock (_gate)
        {
            if (_approvalsByKey.TryGetValue(idempotencyKey, out var recorded))
                return Task.FromResult(recorded);

            _authorizations.Add(authorization.AuthorizationId, authorization);
            _authorizationOrder.Add(authorization.AuthorizationId);
            var approval = AuthorizationResult.Approved(authorization.AuthorizationId, authorization.Deferred);
            _approvalsByKey.Add(idempotencyKey, approval);
            return Task.FromResult(approval);
        }
    }

    public Task<SimulatedAuthorization?> FindAuthorizationAsync(string authorizationId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(authorizationId);
        lock (_gate)
            return Task.FromResult(_authorizations.GetValueOrDefault(authorizationId));
    }

    public Task<SimulatedAuthorization?> UpdateAuthorizationAsync(string authorizationId, Func<SimulatedAuthorization, SimulatedAuthorization> transition, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(authorizationId);
        ArgumentNullException.ThrowIfNull(transition);
        lock (_gate)
        {
            if (!_authorizations.TryGetValue(authorizationId, out var authorization))
                return Task.FromResult<SimulatedAuthorization?>(null);

            var updated = transition(authorization);
            if (!string.Equals(updated.AuthorizationId, authorizationId, StringComparison.Ordinal))
                throw new InvalidOperationException($"An update of authorization {authorizationId} cannot turn it into {updated.AuthorizationId}.");
            _authorizations[authorizationId] = updated;
            return Task.FromResult<SimulatedAuthorization?>(updated);
        }
    }

    public Task<IReadOnlyList<SimulatedAuthorization>> ListAuthorizationsAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
            return Task.FromResult<IReadOnlyList<SimulatedAuthorization>>([.. _authorizationOrder.Select(id => _authorizations[id])]);
    }
}
