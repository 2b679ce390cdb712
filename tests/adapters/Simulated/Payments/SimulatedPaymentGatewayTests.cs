using AsyncCommerce.Adapters.Simulated.Payments;
using AsyncCommerce.Orders;
using AsyncCommerce.Payments;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AsyncCommerce.Adapters.Simulated.Tests.Payments;

public sealed class SimulatedPaymentGatewayTests
{
    private static readonly Money Total = new(129.99m, "USD");

    private readonly SimulatedPaymentGateway _gateway = Gateway();

    [Theory]
    [InlineData(PaymentMethods.Card, "tok_visa", PaymentOutcome.Approved, null, false)]
    [InlineData(PaymentMethods.Card, "tok_mastercard", PaymentOutcome.Approved, null, false)]
    [InlineData(PaymentMethods.Card, "tok_decline", PaymentOutcome.Declined, "card_declined", false)]
    [InlineData(PaymentMethods.Card, "tok_insufficient_funds", PaymentOutcome.Declined, "insufficient_funds", false)]
    [InlineData(PaymentMethods.Card, "tok_flaky", PaymentOutcome.TransientFailure, "gateway_unavailable", false)]
    [InlineData(PaymentMethods.Card, "tok_timeout", PaymentOutcome.TransientFailure, "gateway_timeout", false)]
    [InlineData(PaymentMethods.Wallet, "wal_ok", PaymentOutcome.Approved, null, false)]
    [InlineData(PaymentMethods.Wallet, "wal_decline", PaymentOutcome.Declined, "wallet_declined", false)]
    [InlineData(PaymentMethods.GiftCard, "gc_ok", PaymentOutcome.Approved, null, false)]
    [InlineData(PaymentMethods.GiftCard, "gc_empty", PaymentOutcome.Declined, "giftcard_empty", false)]
    [InlineData(PaymentMethods.PayInStore, "store", PaymentOutcome.Approved, null, true)]
    [InlineData(PaymentMethods.Card, "tok_unheard_of", PaymentOutcome.Declined, "unknown_token", false)]
    [InlineData(PaymentMethods.Wallet, "tok_visa", PaymentOutcome.Declined, "unknown_token", false)]
    [InlineData(PaymentMethods.Card, "wal_ok", PaymentOutcome.Declined, "unknown_token", false)]
    [InlineData(PaymentMethods.GiftCard, "store", PaymentOutcome.Declined, "unknown_token", false)]
    [InlineData(PaymentMethods.PayInStore, "gc_ok", PaymentOutcome.Declined, "unknown_token", false)]
    [InlineData("crypto", "tok_visa", PaymentOutcome.Declined, "unknown_token", false)]
    public async Task Authorize_FirstCallWithToken_AnswersAsTheContractTableSays(string method, string token, PaymentOutcome outcome, string? reason, bool deferred)
    {
        var result = await _gateway.AuthorizeAsync(Request("order-1", method, token));

        Assert.Equal(outcome, result.Outcome);
        Assert.Equal(reason, result.Reason);
        Assert.Equal(deferred, result.Deferred);
        Assert.Equal(outcome == PaymentOutcome.Approved, result.AuthorizationId is not null);
    }

    [Fact]
    public async Task Authorize_Approved_RecordsTheAuthorizationInTheLedger()
    {
        var result = await _gateway.AuthorizeAsync(Request("order-1", PaymentMethods.Wallet, "wal_ok"));

        var authorization = Assert.Single(await _gateway.ListAuthorizationsAsync());
        Assert.Equal(
            new SimulatedAuthorization(result.AuthorizationId!, "order-1", PaymentMethods.Wallet, Total, false, AuthorizationState.Authorized),
            authorization);
    }

    [Fact]
    public async Task Authorize_DeclinedOrFailed_RecordsNothing()
    {
        await _gateway.AuthorizeAsync(Request("order-1", PaymentMethods.Card, "tok_decline"));
        await _gateway.AuthorizeAsync(Request("order-1", PaymentMethods.Card, "tok_timeout"));

        Assert.Empty(await _gateway.ListAuthorizationsAsync());
    }

    [Fact]
    public async Task Authorize_FlakyCard_FailsTwicePerOrderThenApproves()
    {
        var outcomes = new List<PaymentOutcome>();
        for (var call = 0; call < 3; call++)
            outcomes.Add((await _gateway.AuthorizeAsync(Request("order-1", PaymentMethods.Card, "tok_flaky"))).Outcome);

        Assert.Equal([PaymentOutcome.TransientFailure, PaymentOutcome.TransientFailure, PaymentOutcome.Approved], outcomes);
    }

    [Fact]
    public async Task Authorize_FlakyCard_CountsCallsForEachOrderApart()
    {
        await _gateway.AuthorizeAsync(Request("order-1", PaymentMethods.Card, "tok_flaky"));
        await _gateway.AuthorizeAsync(Request("order-1", PaymentMethods.Card, "tok_flaky"));

        var otherOrder = await _gateway.AuthorizeAsync(Request("order-2", PaymentMethods.Card, "tok_flaky"));
        var firstOrder = await _gateway.AuthorizeAsync(Request("order-1", PaymentMethods.Card, "tok_flaky"));

        Assert.Equal(PaymentOutcome.TransientFailure, otherOrder.Outcome);
        Assert.Equal(PaymentOutcome.Approved, firstOrder.Outcome);
    }

    [Fact]
    public async Task Authorize_TimeoutCard_FailsTransientlyEveryTime()
    {
        var results = new List<AuthorizationResult>();
        for (var call = 0; call < 6; call++)
            results.Add(await _gateway.AuthorizeAsync(Request("order-1", PaymentMethods.Card, "tok_timeout")));

        Assert.All(results, r => Assert.Equal(AuthorizationResult.Transient("gateway_timeout"), r));
    }

    [Fact]
    public async Task Authorize_SameIdempotencyKeyAfterApproval_ReturnsTheSameAuthorizationOnce()
    {
        var first = await _gateway.AuthorizeAsync(Request("order-1", PaymentMethods.Card, "tok_visa"));

        var again = await _gateway.AuthorizeAsync(Request("order-1", PaymentMethods.Card, "tok_visa"));

        Assert.Equal(first, again);
        Assert.Single(await _gateway.ListAuthorizationsAsync());
    }

    [Fact]
    public async Task Authorize_AnotherIdempotencyKey_AuthorizesAgain()
    {
        var first = await _gateway.AuthorizeAsync(Request("order-1", PaymentMethods.Card, "tok_visa", key: "order-1:0"));

        var second = await _gateway.AuthorizeAsync(Request("order-1", PaymentMethods.Card, "tok_visa", key: "order-1:1"));

        Assert.NotEqual(first.AuthorizationId, second.AuthorizationId);
        Assert.Equal(2, (await _gateway.ListAuthorizationsAsync()).Count);
    }

    [Fact]
    public async Task Authorize_RetryAfterATransientFailure_CallsTheGatewayAgain()
    {
        var first = await _gateway.AuthorizeAsync(Request("order-1", PaymentMethods.Card, "tok_flaky"));
        await _gateway.AuthorizeAsync(Request("order-1", PaymentMethods.Card, "tok_flaky"));

        var third = await _gateway.AuthorizeAsync(Request("order-1", PaymentMethods.Card, "tok_flaky"));

        Assert.Equal(PaymentOutcome.TransientFailure, first.Outcome);
        Assert.Equal(PaymentOutcome.Approved, third.Outcome);
    }

    [Fact]
    public async Task Authorize_SameKeyConcurrently_AuthorizesOnce()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => Task.Run(() => _gateway.AuthorizeAsync(Request("order-1", PaymentMethods.Card, "tok_visa")))));

        Assert.Single(results.Select(r => r.AuthorizationId).Distinct());
        Assert.Single(await _gateway.ListAuthorizationsAsync());
    }

    [Fact]
    public async Task Authorize_WithLatency_AnswersOnlyOnceTheLatencyHasPassed()
    {
        var clock = new FakeTimeProvider();
        var gateway = Gateway(TimeSpan.FromMilliseconds(150), clock);

        var pending = gateway.AuthorizeAsync(Request("order-1", PaymentMethods.Card, "tok_visa"));
        clock.Advance(TimeSpan.FromMilliseconds(149));
        var earlyCompleted = pending.IsCompleted;
        clock.Advance(TimeSpan.FromMilliseconds(1));
        var result = await pending;

        Assert.False(earlyCompleted);
        Assert.Equal(PaymentOutcome.Approved, result.Outcome);
    }

    [Fact]
    public async Task Authorize_AnyToken_NeverLogsIt()
    {
        var logger = new FakeLogger<SimulatedPaymentGateway>();
        var gateway = Gateway(logger: logger);

        await gateway.AuthorizeAsync(Request("order-1", PaymentMethods.Card, "tok_visa"));
        await gateway.AuthorizeAsync(Request("order-1", PaymentMethods.GiftCard, "gc_empty"));

        var lines = logger.Collector.GetSnapshot();
        Assert.Equal(2, lines.Count);
        Assert.All(lines, line =>
        {
            Assert.Contains("order-1", line.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("tok_visa", line.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("gc_empty", line.Message, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Capture_Authorized_CapturesTheAmount()
    {
        var authorizationId = await AuthorizedAsync();

        await _gateway.CaptureAsync(authorizationId, Total);

        var authorization = await _gateway.FindAuthorizationAsync(authorizationId);
        Assert.Equal(AuthorizationState.Captured, authorization?.State);
        Assert.Equal(Total, authorization?.Captured);
    }

    [Fact]
    public async Task Capture_Twice_IsANoOp()
    {
        var authorizationId = await AuthorizedAsync();
        await _gateway.CaptureAsync(authorizationId, Total);
        var captured = await _gateway.FindAuthorizationAsync(authorizationId);

        await _gateway.CaptureAsync(authorizationId, Total);

        Assert.Equal(captured, await _gateway.FindAuthorizationAsync(authorizationId));
    }

    [Fact]
    public async Task Capture_Voided_Throws()
    {
        var authorizationId = await AuthorizedAsync();
        await _gateway.VoidAsync(authorizationId);

        await Assert.ThrowsAsync<InvalidOperationException>(() => _gateway.CaptureAsync(authorizationId, Total));
    }

    [Fact]
    public async Task Capture_MoreThanAuthorized_ThrowsAndKeepsTheAuthorization()
    {
        var authorizationId = await AuthorizedAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => _gateway.CaptureAsync(authorizationId, Total with { Amount = Total.Amount + 0.01m }));
        await Assert.ThrowsAsync<ArgumentException>(() => _gateway.CaptureAsync(authorizationId, Total with { Currency = "EUR" }));

        Assert.Equal(AuthorizationState.Authorized, (await _gateway.FindAuthorizationAsync(authorizationId))?.State);
    }

    [Fact]
    public async Task Capture_DeferredPayInStore_SettlesAtCollection()
    {
        var authorizationId = await AuthorizedAsync(PaymentMethods.PayInStore, "store");

        await _gateway.CaptureAsync(authorizationId, Total);

        var authorization = await _gateway.FindAuthorizationAsync(authorizationId);
        Assert.True(authorization?.Deferred);
        Assert.Equal(AuthorizationState.Captured, authorization?.State);
    }

    [Fact]
    public async Task Void_Authorized_VoidsIt()
    {
        var authorizationId = await AuthorizedAsync();

        await _gateway.VoidAsync(authorizationId);

        Assert.Equal(AuthorizationState.Voided, (await _gateway.FindAuthorizationAsync(authorizationId))?.State);
    }

    [Fact]
    public async Task Void_Twice_IsANoOp()
    {
        var authorizationId = await AuthorizedAsync();
        await _gateway.VoidAsync(authorizationId);

        await _gateway.VoidAsync(authorizationId);

        Assert.Equal(AuthorizationState.Voided, (await _gateway.FindAuthorizationAsync(authorizationId))?.State);
    }

    [Fact]
    public async Task Void_Captured_ThrowsAndKeepsTheCapture()
    {
        var authorizationId = await AuthorizedAsync();
        await _gateway.CaptureAsync(authorizationId, Total);

        await Assert.ThrowsAsync<InvalidOperationException>(() => _gateway.VoidAsync(authorizationId));

        Assert.Equal(AuthorizationState.Captured, (await _gateway.FindAuthorizationAsync(authorizationId))?.State);
    }

    [Fact]
    public async Task Refund_Captured_RefundsTheAmount()
    {
        var authorizationId = await AuthorizedAsync();
        await _gateway.CaptureAsync(authorizationId, Total);

        await _gateway.RefundAsync(authorizationId, Total);

        var authorization = await _gateway.FindAuthorizationAsync(authorizationId);
        Assert.Equal(AuthorizationState.Refunded, authorization?.State);
        Assert.Equal(Total, authorization?.Refunded);
    }

    [Fact]
    public async Task Refund_Twice_IsANoOp()
    {
        var authorizationId = await AuthorizedAsync();
        await _gateway.CaptureAsync(authorizationId, Total);
        await _gateway.RefundAsync(authorizationId, Total);

        await _gateway.RefundAsync(authorizationId, Total);

        Assert.Equal(AuthorizationState.Refunded, (await _gateway.FindAuthorizationAsync(authorizationId))?.State);
    }

    [Fact]
    public async Task Refund_Uncaptured_Throws()
    {
        var authorizationId = await AuthorizedAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => _gateway.RefundAsync(authorizationId, Total));
        await _gateway.VoidAsync(authorizationId);
        await Assert.ThrowsAsync<InvalidOperationException>(() => _gateway.RefundAsync(authorizationId, Total));
    }

    [Fact]
    public async Task Settle_UnknownAuthorization_Throws()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => _gateway.CaptureAsync("auth_unknown", Total));
        await Assert.ThrowsAsync<InvalidOperationException>(() => _gateway.VoidAsync("auth_unknown"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => _gateway.RefundAsync("auth_unknown", Total));
    }

    private async Task<string> AuthorizedAsync(string method = PaymentMethods.Card, string token = "tok_visa")
    {
        var result = await _gateway.AuthorizeAsync(Request("order-1", method, token));
        return result.AuthorizationId ?? throw new InvalidOperationException($"{method} {token} was not approved.");
    }

    private static AuthorizationRequest Request(string orderId, string method, string token, string? key = null) =>
        new(orderId, key ?? $"{orderId}:0", method, token, Total);

    private static SimulatedPaymentGateway Gateway(TimeSpan? latency = null, TimeProvider? clock = null, ILogger<SimulatedPaymentGateway>? logger = null) => new(
        new InMemorySimulatedPaymentLedger(),
        Options.Create(new SimulatedGatewayOptions { GatewayLatency = latency ?? TimeSpan.Zero }),
        clock ?? TimeProvider.System,
        logger ?? NullLogger<SimulatedPaymentGateway>.Instance);
}
