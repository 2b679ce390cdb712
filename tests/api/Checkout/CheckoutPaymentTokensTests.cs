using AsyncCommerce.Adapters.Simulated.Payments;
using AsyncCommerce.Api.Tests.Support;
using AsyncCommerce.Inventory;
using AsyncCommerce.Orders;
using AsyncCommerce.Payments;
using AsyncCommerce.Testing;

namespace AsyncCommerce.Api.Tests.Checkout;

/// <summary>
/// The simulated gateway table of API.md, end to end: each test token placed through POST /api/checkouts and
/// observed through GET /api/checkouts/{orderId} (payment status, method used, attempts with outcome and reason).
/// </summary>
public sealed class CheckoutPaymentTokensTests
{
    [Theory]
    [InlineData("card", "tok_visa")]
    [InlineData("card", "tok_mastercard")]
    [InlineData("wallet", "wal_ok")]
    [InlineData("giftcard", "gc_ok")]
    public async Task Checkout_WithApprovingToken_CompletesWithTheMoneyCaptured(string method, string token)
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();

        var orderId = await http.PlaceOrderAsync(CheckoutBody.Delivery().WithPayments((method, token)));

        var view = await http.WaitForStatusAsync(orderId, OrderStatus.Completed);
        Assert.Equal((PaymentStatus.Captured, method), (view.Payment.Status, view.Payment.Method));
        var attempt = Assert.Single(view.Payment.Attempts);
        Assert.Equal(new PaymentAttemptView(method, PaymentOutcome.Approved, null), attempt);
        Assert.Equal(AuthorizationState.Captured, Assert.Single(await app.Get<SimulatedPaymentGateway>().ListAuthorizationsAsync()).State);
        await StockLedger.AssertBalancedAsync(app.Get<IInventoryStore>());
    }

    [Theory]
    [InlineData("card", "tok_decline", "card_declined")]
    [InlineData("card", "tok_insufficient_funds", "insufficient_funds")]
    [InlineData("card", "tok_unknown", "unknown_token")]
    [InlineData("wallet", "tok_visa", "unknown_token")]
    [InlineData("giftcard", "wal_ok", "unknown_token")]
    [InlineData("payinstore", "cash", "unknown_token")]
    public async Task Checkout_WithDecliningToken_IsDeclinedWithTheDocumentedReason(string method, string token, string reason)
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();

        var orderId = await http.PlaceOrderAsync(CheckoutBody.Pickup().WithPayments((method, token)));

        var view = await http.WaitForStatusAsync(orderId, OrderStatus.AwaitingPaymentMethod);
        Assert.Equal(new PaymentAttemptView(method, PaymentOutcome.Declined, reason), Assert.Single(view.Payment.Attempts));
        Assert.Equal(PaymentStatus.Failed, view.Payment.Status);
        Assert.Empty(await app.Get<SimulatedPaymentGateway>().ListAuthorizationsAsync());
        await StockLedger.AssertBalancedAsync(app.Get<IInventoryStore>());
    }

    [Theory]
    [InlineData("wallet", "wal_decline")]
    [InlineData("giftcard", "gc_empty")]
    public async Task Checkout_WithDecliningWalletOrGiftCard_IsDeclined(string method, string token)
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();

        var orderId = await http.PlaceOrderAsync(CheckoutBody.Pickup().WithPayments((method, token)));

        var view = await http.WaitForStatusAsync(orderId, OrderStatus.AwaitingPaymentMethod);
        var attempt = Assert.Single(view.Payment.Attempts);
        Assert.Equal((method, PaymentOutcome.Declined), (attempt.Method, attempt.Outcome));
        Assert.False(string.IsNullOrWhiteSpace(attempt.Reason));
        await StockLedger.AssertBalancedAsync(app.Get<IInventoryStore>());
    }

    [Fact]
    public async Task Checkout_WithFlakyCard_FailsTransientlyTwiceThenIsApproved()
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();

        var orderId = await http.PlaceOrderAsync(CheckoutBody.Pickup().WithPayments(("card", "tok_flaky")));

        var view = await http.WaitForStatusAsync(orderId, OrderStatus.Confirmed);
        Assert.Equal(
            [PaymentOutcome.TransientFailure, PaymentOutcome.TransientFailure, PaymentOutcome.Approved],
            view.Payment.Attempts.Select(a => a.Outcome));
        Assert.Equal((PaymentStatus.Authorized, "card"), (view.Payment.Status, view.Payment.Method));
        Assert.Single(await app.Get<SimulatedPaymentGateway>().ListAuthorizationsAsync());
        await StockLedger.AssertBalancedAsync(app.Get<IInventoryStore>());
    }

    [Fact]
    public async Task Checkout_WithTimingOutCard_RetriesUntilAttemptsRunOutThenPaysWithTheNextMethod()
    {
        await using var app = new CommerceApp(new Dictionary<string, string?> { ["Commerce:Payment:RetryMaxAttempts"] = "3" });
        var http = app.CreateClient();

        var orderId = await http.PlaceOrderAsync(CheckoutBody.Pickup().WithPayments(("card", "tok_timeout"), ("wallet", "wal_ok")));

        var view = await http.WaitForStatusAsync(orderId, OrderStatus.Confirmed);
        Assert.Equal(
            [("card", PaymentOutcome.TransientFailure), ("card", PaymentOutcome.TransientFailure), ("card", PaymentOutcome.TransientFailure), ("wallet", PaymentOutcome.Approved)],
            view.Payment.Attempts.Select(a => (a.Method, a.Outcome)));
        Assert.Equal((PaymentStatus.Authorized, "wallet"), (view.Payment.Status, view.Payment.Method));
        await StockLedger.AssertBalancedAsync(app.Get<IInventoryStore>());
    }

    [Fact]
    public async Task Checkout_WithOnlyATimingOutCard_AwaitsAPaymentMethod()
    {
        await using var app = new CommerceApp(new Dictionary<string, string?> { ["Commerce:Payment:RetryMaxAttempts"] = "2" });
        var http = app.CreateClient();

        var orderId = await http.PlaceOrderAsync(CheckoutBody.Pickup().WithPayments(("card", "tok_timeout")));

        var view = await http.WaitForStatusAsync(orderId, OrderStatus.AwaitingPaymentMethod);
        Assert.Equal([PaymentOutcome.TransientFailure, PaymentOutcome.TransientFailure], view.Payment.Attempts.Select(a => a.Outcome));
        Assert.Empty(await app.Get<SimulatedPaymentGateway>().ListAuthorizationsAsync());
        await StockLedger.AssertBalancedAsync(app.Get<IInventoryStore>());
    }

    [Fact]
    public async Task Checkout_WithSeveralMethods_TriesThemInTheCustomersOrder()
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();
        var body = CheckoutBody.Pickup().WithPayments(("card", "tok_decline"), ("wallet", "wal_decline"), ("giftcard", "gc_ok"), ("card", "tok_visa"));

        var orderId = await http.PlaceOrderAsync(body);

        var view = await http.WaitForStatusAsync(orderId, OrderStatus.Confirmed);
        Assert.Equal(
            [("card", PaymentOutcome.Declined), ("wallet", PaymentOutcome.Declined), ("giftcard", PaymentOutcome.Approved)],
            view.Payment.Attempts.Select(a => (a.Method, a.Outcome)));
        Assert.Equal("giftcard", view.Payment.Method);
        Assert.Equal("giftcard", Assert.Single(await app.Get<SimulatedPaymentGateway>().ListAuthorizationsAsync()).Method);
        await StockLedger.AssertBalancedAsync(app.Get<IInventoryStore>());
    }

    [Fact]
    public async Task Checkout_PayInStoreOnPickup_IsAuthorizedAsDeferredWithoutTakingMoney()
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();

        var orderId = await http.PlaceOrderAsync(CheckoutBody.Pickup().WithPayments(("payinstore", "store")));

        var view = await http.WaitForStatusAsync(orderId, OrderStatus.Confirmed);
        Assert.Equal((PaymentStatus.Authorized, "payinstore"), (view.Payment.Status, view.Payment.Method));
        var authorization = Assert.Single(await app.Get<SimulatedPaymentGateway>().ListAuthorizationsAsync());
        Assert.Equal((true, AuthorizationState.Authorized, (Money?)null), (authorization.Deferred, authorization.State, authorization.Captured));
        await StockLedger.AssertBalancedAsync(app.Get<IInventoryStore>());
    }

    [Fact]
    public async Task Checkout_PayInStoreOnPickup_IsCapturedAtCollection()
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();
        var (orderId, code) = await http.PlaceReadyPickupAsync(CheckoutBody.Pickup().WithPayments(("payinstore", "store")));

        using var collect = await http.CollectPickupAsync(OrderScenarios.Store, orderId, code);

        var view = await http.WaitForStatusAsync(orderId, OrderStatus.Completed);
        Assert.Equal(PaymentStatus.Captured, view.Payment.Status);
        var authorization = Assert.Single(await app.Get<SimulatedPaymentGateway>().ListAuthorizationsAsync());
        Assert.Equal((AuthorizationState.Captured, view.Total), (authorization.State, authorization.Captured));
        await StockLedger.AssertBalancedAsync(app.Get<IInventoryStore>());
    }
}
