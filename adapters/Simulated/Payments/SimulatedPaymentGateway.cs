using AsyncCommerce.Orders;
using AsyncCommerce.Payments;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AsyncCommerce.Adapters.Simulated.Payments;

/// <summary>
/// A payment gateway that answers from the test tokens of <see cref="SimulatedTokens"/> after the configured
/// latency, and keeps a ledger of what it authorized. Tokens are never logged.
/// </summary>
public sealed partial class SimulatedPaymentGateway(
    IOptions<PaymentOptions> options,
    TimeProvider clock,
    ILogger<SimulatedPaymentGateway> logger) : IPaymentGateway
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, SimulatedAuthorization> _ledger = new(StringComparer.Ordinal);
    private readonly List<string> _ledgerOrder = [];
    private readonly Dictionary<string, AuthorizationResult> _approvalsByKey = new(StringComparer.Ordinal);
    private readonly Dictionary<(string OrderId, string Token), int> _calls = [];

    /// <summary>Every approved authorization, oldest first.</summary>
    public IReadOnlyList<SimulatedAuthorization> Authorizations
    {
        get
        {
            lock (_gate)
                return [.. _ledgerOrder.Select(id => _ledger[id])];
        }
    }

    public SimulatedAuthorization? FindAuthorization(string authorizationId)
    {
        lock (_gate)
            return _ledger.GetValueOrDefault(authorizationId);
    }

    public async Task<AuthorizationResult> AuthorizeAsync(AuthorizationRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await SimulateLatencyAsync(cancellationToken);

        var result = Authorize(request);
        LogAuthorization(request.OrderId, request.Method, result.Outcome, result.Reason ?? "none");
        return result;
    }

    public async Task CaptureAsync(string authorizationId, Money amount, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(amount);
        await SimulateLatencyAsync(cancellationToken);
        Settle(authorizationId, "capture", authorization => authorization.State switch
        {
            AuthorizationState.Authorized => authorization with { State = AuthorizationState.Captured, Captured = Within(authorization.Amount, amount) },
            AuthorizationState.Captured or AuthorizationState.Refunded => authorization,
            _ => throw new InvalidOperationException($"Authorization {authorizationId} was voided; it cannot be captured."),
        });
    }

    public async Task VoidAsync(string authorizationId, CancellationToken cancellationToken = default)
    {
        await SimulateLatencyAsync(cancellationToken);
        Settle(authorizationId, "void", authorization => authorization.State switch
        {
            AuthorizationState.Authorized => authorization with { State = AuthorizationState.Voided },
            AuthorizationState.Voided => authorization,
            _ => throw new InvalidOperationException($"Authorization {authorizationId} was captured; refund it instead of voiding it."),
        });
    }

    public async Task RefundAsync(string authorizationId, Money amount, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(amount);
        await SimulateLatencyAsync(cancellationToken);
        Settle(authorizationId, "refund", authorization => authorization.State switch
        {
            AuthorizationState.Captured => authorization with { State = AuthorizationState.Refunded, Refunded = Within(authorization.Captured!, amount) },
            AuthorizationState.Refunded => authorization,
            _ => throw new InvalidOperationException($"Authorization {authorizationId} was never captured; void it instead of refunding it."),
        });
    }

    private Task SimulateLatencyAsync(CancellationToken cancellationToken) =>
        Task.Delay(options.Value.GatewayLatency, clock, cancellationToken);

    private AuthorizationResult Authorize(AuthorizationRequest request)
    {
        lock (_gate)
        {
            // Only approvals are remembered: a declined or failed call authorized nothing, so a retry asks again.
            if (_approvalsByKey.TryGetValue(request.IdempotencyKey, out var approved))
                return approved;

            var decision = SimulatedTokens.Decide(request.Method, request.Token, CountCall(request.OrderId, request.Token));
            if (decision.Outcome != PaymentOutcome.Approved)
                return new AuthorizationResult(decision.Outcome, null, decision.Reason);

            var authorization = new SimulatedAuthorization($"auth_{Guid.NewGuid():N}", request.OrderId, request.Method, request.Amount, decision.Deferred, AuthorizationState.Authorized);
            _ledger.Add(authorization.AuthorizationId, authorization);
            _ledgerOrder.Add(authorization.AuthorizationId);
            var result = AuthorizationResult.Approved(authorization.AuthorizationId, decision.Deferred);
            _approvalsByKey.Add(request.IdempotencyKey, result);
            return result;
        }
    }

    private int CountCall(string orderId, string token)
    {
        var key = (orderId, token);
        var count = _calls.GetValueOrDefault(key) + 1;
        _calls[key] = count;
        return count;
    }

    private void Settle(string authorizationId, string operation, Func<SimulatedAuthorization, SimulatedAuthorization> transition)
    {
        ArgumentException.ThrowIfNullOrEmpty(authorizationId);
        SimulatedAuthorization settled;
        lock (_gate)
        {
            if (!_ledger.TryGetValue(authorizationId, out var authorization))
                throw new InvalidOperationException($"Authorization {authorizationId} is unknown to this gateway.");
            settled = transition(authorization);
            _ledger[authorizationId] = settled;
        }

        LogSettlement(settled.OrderId, operation, authorizationId, settled.State);
    }

    private static Money Within(Money limit, Money requested)
    {
        if (!string.Equals(limit.Currency, requested.Currency, StringComparison.Ordinal))
            throw new ArgumentException($"The amount is in {requested.Currency}; the authorization is in {limit.Currency}.", nameof(requested));
        if (requested.Amount <= 0 || requested.Amount > limit.Amount)
            throw new ArgumentException($"The amount {requested.Amount} must be positive and at most {limit.Amount}.", nameof(requested));
        return requested;
    }

    [LoggerMessage(EventId = 2101, EventName = "SimulatedPaymentAuthorization", Level = LogLevel.Information, Message = "Order {OrderId}: simulated {Method} authorization {Outcome} (reason {Reason})")]
    private partial void LogAuthorization(string orderId, string method, PaymentOutcome outcome, string reason);

    [LoggerMessage(EventId = 2102, EventName = "SimulatedPaymentSettlement", Level = LogLevel.Information, Message = "Order {OrderId}: simulated {Operation} of {AuthorizationId}, now {State}")]
    private partial void LogSettlement(string orderId, string operation, string authorizationId, AuthorizationState state);
}
