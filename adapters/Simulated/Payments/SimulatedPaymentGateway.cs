using AsyncCommerce.Orders;
using AsyncCommerce.Payments;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AsyncCommerce.Adapters.Simulated.Payments;

/// <summary>
/// A payment gateway that answers from the test tokens of <see cref="SimulatedTokens"/> after the configured
/// latency, and keeps what it authorized in an <see cref="ISimulatedPaymentLedger"/> (in memory by default; a
/// persistent one makes it keep its word across restarts). Tokens are never logged.
/// </summary>
public sealed partial class SimulatedPaymentGateway(
    ISimulatedPaymentLedger ledger,
    IOptions<SimulatedGatewayOptions> options,
    TimeProvider clock,
    ILogger<SimulatedPaymentGateway> logger) : IPaymentGateway
{
    /// <summary>Every approved authorization, oldest first.</summary>
    public Task<IReadOnlyList<SimulatedAuthorization>> ListAuthorizationsAsync(CancellationToken cancellationToken = default) =>
        ledger.ListAuthorizationsAsync(cancellationToken);

    public Task<SimulatedAuthorization?> FindAuthorizationAsync(string authorizationId, CancellationToken cancellationToken = default) =>
        ledger.FindAuthorizationAsync(authorizationId, cancellationToken);

    public async Task<AuthorizationResult> AuthorizeAsync(AuthorizationRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await SimulateLatencyAsync(cancellationToken);

        var result = await AuthorizeOnceAsync(request, cancellationToken);
        LogAuthorization(request.OrderId, request.Method, result.Outcome, result.Reason ?? "none");
        return result;
    }

    public async Task CaptureAsync(string authorizationId, Money amount, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(amount);
        await SimulateLatencyAsync(cancellationToken);
        await SettleAsync(authorizationId, "capture", authorization => authorization.State switch
        {
            AuthorizationState.Authorized => authorization with { State = AuthorizationState.Captured, Captured = Within(authorization.Amount, amount) },
            AuthorizationState.Captured or AuthorizationState.Refunded => authorization,
            _ => throw new InvalidOperationException($"Authorization {authorizationId} was voided; it cannot be captured."),
        }, cancellationToken);
    }

    public async Task VoidAsync(string authorizationId, CancellationToken cancellationToken = default)
    {
        await SimulateLatencyAsync(cancellationToken);
        await SettleAsync(authorizationId, "void", authorization => authorization.State switch
        {
            AuthorizationState.Authorized => authorization with { State = AuthorizationState.Voided },
            AuthorizationState.Voided => authorization,
            _ => throw new InvalidOperationException($"Authorization {authorizationId} was captured; refund it instead of voiding it."),
        }, cancellationToken);
    }

    public async Task RefundAsync(string authorizationId, Money amount, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(amount);
        await SimulateLatencyAsync(cancellationToken);
        await SettleAsync(authorizationId, "refund", authorization => authorization.State switch
        {
            AuthorizationState.Captured => authorization with { State = AuthorizationState.Refunded, Refunded = Within(authorization.Captured!, amount) },
            AuthorizationState.Refunded => authorization,
            _ => throw new InvalidOperationException($"Authorization {authorizationId} was never captured; void it instead of refunding it."),
        }, cancellationToken);
    }

    private Task SimulateLatencyAsync(CancellationToken cancellationToken) =>
        Task.Delay(options.Value.GatewayLatency, clock, cancellationToken);

    private async Task<AuthorizationResult> AuthorizeOnceAsync(AuthorizationRequest request, CancellationToken cancellationToken)
    {
        // Only approvals are remembered: a declined or failed call authorized nothing, so a retry asks again.
        if (await ledger.FindApprovalAsync(request.IdempotencyKey, cancellationToken) is { } approved)
            return approved;

        // Counted before deciding, and durably where the ledger is: a restart must not give tok_flaky its failures back.
        var callNumber = await ledger.CountCallAsync(request.OrderId, request.Token, cancellationToken);
        var decision = SimulatedTokens.Decide(request.Method, request.Token, callNumber);
        if (decision.Outcome != PaymentOutcome.Approved)
            return new AuthorizationResult(decision.Outcome, null, decision.Reason);

        // A concurrent call with the same key (in this process or another) may have approved meanwhile: the ledger
        // keeps the first approval and hands it back, so the key still authorizes once.
        var authorization = new SimulatedAuthorization($"auth_{Guid.NewGuid():N}", request.OrderId, request.Method, request.Amount, decision.Deferred, AuthorizationState.Authorized);
        return await ledger.RecordApprovalAsync(request.IdempotencyKey, authorization, cancellationToken);
    }

    private async Task SettleAsync(string authorizationId, string operation, Func<SimulatedAuthorization, SimulatedAuthorization> transition, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(authorizationId);
        var settled = await ledger.UpdateAuthorizationAsync(authorizationId, transition, cancellationToken)
            ?? throw new InvalidOperationException($"Authorization {authorizationId} is unknown to this gateway.");
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
