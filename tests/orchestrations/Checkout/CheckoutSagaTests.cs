using System.Net;
using AsyncCommerce.Adapters.InMemory.Inventory;
using AsyncCommerce.Adapters.InMemory.Orders;
using AsyncCommerce.Adapters.Simulated.Payments;
using AsyncCommerce.Inventory;
using AsyncCommerce.Notifications;
using AsyncCommerce.Orders;
using AsyncCommerce.Payments;
using AsyncCommerce.Testing;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace AsyncCommerce.Orchestrations.Tests.Checkout;

/// <summary>The checkout saga on the real embedded engine, driven the way a storefront drives it.</summary>
public sealed class CheckoutSagaTests
{
    // Steps that keep failing give up after two quick attempts instead of five over a minute.
    private static readonly Dictionary<string, string?> ShortStepRetries = new()
    {
        ["Commerce:Workflow:StepRetryMaxAttempts"] = "2",
        ["Commerce:Workflow:StepRetryFirstInterval"] = "00:00:00.050",
    };

    [Fact]
    public async Task Checkout_WhenStockIsShort_IsRejectedOutOfStockAndHoldsNothing()
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();

        var orderId = await http.PlaceOrderAsync(CheckoutBody.Pickup().WithLines(("SKU-1001", 1), ("SKU-1013", 4)));

        var view = await http.WaitForStatusAsync(orderId, OrderStatus.Rejected);
        Assert.Equal(StatusReason.OutOfStock, view.StatusReason);
        Assert.Empty(view.Payment.Attempts);
        await SagaAssert.FinishedAsync(app, orderId, OrderStatus.Rejected);
        await StockLedger.AssertBalancedAsync(app.Get<IInventoryStore>());
        await SagaAssert.NothingReservedAsync(app, "SKU-1001", "SKU-1013");
    }

    [Fact]
    public async Task Checkout_WhenFirstCardDeclines_PaysWithWallet()
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();

        var orderId = await http.PlaceOrderAsync(CheckoutBody.Pickup().WithPayments(("card", "tok_decline"), ("wallet", "wal_ok")));

        var view = await http.WaitForStatusAsync(orderId, OrderStatus.Confirmed);
        Assert.Equal(PaymentStatus.Authorized, view.Payment.Status);
        Assert.Equal("wallet", view.Payment.Method);
        Assert.Equal([PaymentOutcome.Declined, PaymentOutcome.Approved], view.Payment.Attempts.Select(a => a.Outcome));
        Assert.Equal("card_declined", view.Payment.Attempts[0].Reason);
    }

    [Fact]
    public async Task Checkout_WhenCardIsFlaky_RetriesWithBackoffAndShowsTransientAttempts()
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();

        var orderId = await http.PlaceOrderAsync(CheckoutBody.Delivery().WithPayments(("card", "tok_flaky")));

        var view = await http.WaitForStatusAsync(orderId, OrderStatus.Completed);
        Assert.Equal(
            [PaymentOutcome.TransientFailure, PaymentOutcome.TransientFailure, PaymentOutcome.Approved],
            view.Payment.Attempts.Select(a => a.Outcome));
        Assert.Equal(PaymentStatus.Captured, view.Payment.Status);
        await SagaAssert.FinishedAsync(app, orderId, OrderStatus.Completed);
    }

    [Fact]
    public async Task Checkout_WhenGatewayKeepsTimingOut_GivesUpAfterRetriesAndUsesNextMethod()
    {
        await using var app = new CommerceApp(new Dictionary<string, string?> { ["Commerce:Payment:RetryMaxAttempts"] = "3" });
        var http = app.CreateClient();

        var orderId = await http.PlaceOrderAsync(CheckoutBody.Pickup().WithPayments(("card", "tok_timeout"), ("giftcard", "gc_ok")));

        var view = await http.WaitForStatusAsync(orderId, OrderStatus.Confirmed);
        Assert.Equal(
            [("card", PaymentOutcome.TransientFailure), ("card", PaymentOutcome.TransientFailure), ("card", PaymentOutcome.TransientFailure), ("giftcard", PaymentOutcome.Approved)],
            view.Payment.Attempts.Select(a => (a.Method, a.Outcome)));
    }

    [Fact]
    public async Task Delivery_WhenPaymentIsAuthorized_CapturesCommitsStockAndCompletes()
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();
        var before = await SagaAssert.LevelAsync(app, "SKU-1002", "dc-001");

        var orderId = await http.PlaceOrderAsync(CheckoutBody.Delivery().WithLines(("SKU-1002", 3)));

        var view = await http.WaitForStatusAsync(orderId, OrderStatus.Completed);
        Assert.Equal(PaymentStatus.Captured, view.Payment.Status);
        await SagaAssert.FinishedAsync(app, orderId, OrderStatus.Completed);
        var after = await SagaAssert.LevelAsync(app, "SKU-1002", "dc-001");
        Assert.Equal(before.OnHand - 3, after.OnHand);
        Assert.Equal(before.Sold + 3, after.Sold);
        Assert.Equal(0, after.Reserved);
        await StockLedger.AssertBalancedAsync(app.Get<IInventoryStore>());
    }

    [Fact]
    public async Task Delivery_WhenPaymentIsAuthorized_RecordsEachFactOnceInTheOrderItHappened()
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();

        var orderId = await http.PlaceOrderAsync(CheckoutBody.Delivery());
        await http.WaitForStatusAsync(orderId, OrderStatus.Completed);

        // Confirming is recorded by the capture step and completing by the commit step: the stream reads as before.
        var stream = await app.Get<IOrderEventStore>().ReadAsync(orderId);
        Assert.Equal(
            [nameof(OrderPlaced), nameof(StockReserved), nameof(PaymentAttempted), nameof(PaymentAuthorized), nameof(OrderConfirmed), nameof(PaymentCaptured), nameof(StockCommitted), nameof(OrderCompleted)],
            stream.Select(recorded => recorded.Type));
        Assert.Equal(stream.OrderBy(recorded => recorded.OccurredAt).Select(recorded => recorded.Sequence), stream.Select(recorded => recorded.Sequence));
    }

    [Fact]
    public async Task Checkout_WhenEveryMethodFailsAndNoneArrives_IsRejectedPaymentFailedAndReleasesStock()
    {
        await using var app = new CommerceApp(new Dictionary<string, string?> { ["Commerce:Payment:AwaitPaymentMethodTimeout"] = "00:00:01" });
        var http = app.CreateClient();

        var orderId = await http.PlaceOrderAsync(CheckoutBody.Pickup().WithPayments(("card", "tok_decline"), ("wallet", "wal_decline")));

        await http.WaitForStatusAsync(orderId, OrderStatus.AwaitingPaymentMethod);
        var view = await http.WaitForStatusAsync(orderId, OrderStatus.Rejected);
        Assert.Equal(StatusReason.PaymentFailed, view.StatusReason);
        Assert.Equal(PaymentStatus.Failed, view.Payment.Status);
        await SagaAssert.FinishedAsync(app, orderId, OrderStatus.Rejected);
        await StockLedger.AssertBalancedAsync(app.Get<IInventoryStore>());
        await SagaAssert.NothingReservedAsync(app, "SKU-1001");
        await app.NotificationsSettledAsync();
        var kinds = (await http.GetNotificationsAsync(orderId)).Select(n => n.Kind).Distinct();
        Assert.Equal([NotificationKind.PaymentActionRequired, NotificationKind.Rejected], kinds);
    }

    [Fact]
    public async Task Checkout_WhenPaymentMethodArrivesAfterTimeout_IsRefusedAndOrderStaysRejected()
    {
        await using var app = new CommerceApp(new Dictionary<string, string?> { ["Commerce:Payment:AwaitPaymentMethodTimeout"] = "00:00:00.500" });
        var http = app.CreateClient();
        var orderId = await http.PlaceOrderAsync(CheckoutBody.Pickup().WithPayments(("card", "tok_decline")));
        await http.WaitForStatusAsync(orderId, OrderStatus.Rejected);

        using var late = await http.PostJsonAsync($"/api/checkouts/{orderId}/payments", new { method = "wallet", token = "wal_ok" });

        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);

        // Even an event that reaches the engine directly cannot revive a finished saga.
        await app.Workflows.RaiseEventAsync(orderId, AsyncCommerce.Checkout.ExternalEvents.PaymentMethodAdded, new AsyncCommerce.Checkout.NewPaymentMethod(new PaymentInstruction("wallet", "wal_ok")));
        await SagaAssert.FinishedAsync(app, orderId, OrderStatus.Rejected);
        Assert.Equal(OrderStatus.Rejected, (await http.GetOrderAsync(orderId))!.Status);
        Assert.DoesNotContain(await app.Get<SimulatedPaymentGateway>().ListAuthorizationsAsync(), a => a.OrderId == orderId);
    }

    [Fact]
    public async Task Checkout_WhenAddedMethodAlsoFails_WaitsAgainAndTheSecondAddedMethodPays()
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();
        var orderId = await http.PlaceOrderAsync(CheckoutBody.Delivery().WithPayments(("card", "tok_insufficient_funds")));
        await http.WaitForStatusAsync(orderId, OrderStatus.AwaitingPaymentMethod);

        using (var first = await http.PostJsonAsync($"/api/checkouts/{orderId}/payments", new { method = "giftcard", token = "gc_empty" }))
            Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        await Eventually.UntilAsync(
            () => http.GetOrderAsync(orderId),
            v => v!.Status == OrderStatus.AwaitingPaymentMethod && v.Payment.Attempts.Count == 2,
            "the added gift card to be declined");
        using (var second = await http.PostJsonAsync($"/api/checkouts/{orderId}/payments", new { method = "card", token = "tok_mastercard" }))
            Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);

        var view = await http.WaitForStatusAsync(orderId, OrderStatus.Completed);
        Assert.Equal(["card", "giftcard", "card"], view.Payment.Attempts.Select(a => a.Method));
        Assert.Equal(PaymentOutcome.Approved, view.Payment.Attempts[^1].Outcome);
        await SagaAssert.FinishedAsync(app, orderId, OrderStatus.Completed);
        await StockLedger.AssertBalancedAsync(app.Get<IInventoryStore>());
    }

    [Fact]
    public async Task Checkout_WhenCancelledWhileAwaitingPaymentMethod_IsCancelledAndReleasesStock()
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();
        var orderId = await http.PlaceOrderAsync(CheckoutBody.Pickup().WithPayments(("card", "tok_decline")));
        await http.WaitForStatusAsync(orderId, OrderStatus.AwaitingPaymentMethod);

        using var cancel = await http.PostJsonAsync($"/api/checkouts/{orderId}/cancel");

        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        var view = await http.WaitForStatusAsync(orderId, OrderStatus.Cancelled);
        Assert.Equal(StatusReason.CustomerCancelled, view.StatusReason);
        await SagaAssert.FinishedAsync(app, orderId, OrderStatus.Cancelled);
        await SagaAssert.NothingReservedAsync(app, "SKU-1001");
    }

    [Fact]
    public async Task Checkout_WhenCancelledRightAfterAcceptance_CompensatesWhateverWasDone()
    {
        // A gateway slow enough that the order cannot be finished before the cancel arrives, however slow the test
        // client is (it checks every exchange against the OpenAPI document, and the first check compiles the schemas).
        await using var app = new CommerceApp(new Dictionary<string, string?> { ["Commerce:Payment:GatewayLatency"] = "00:00:02" });
        var http = app.CreateClient();
        var orderId = await http.PlaceOrderAsync(CheckoutBody.Delivery());

        using var cancel = await http.PostJsonAsync($"/api/checkouts/{orderId}/cancel");

        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        var view = await http.WaitForStatusAsync(orderId, OrderStatus.Cancelled);
        Assert.NotEqual(PaymentStatus.Captured, view.Payment.Status);
        Assert.DoesNotContain(await app.Get<SimulatedPaymentGateway>().ListAuthorizationsAsync(), a => a.OrderId == orderId && a.State == AuthorizationState.Authorized);
        await SagaAssert.FinishedAsync(app, orderId, OrderStatus.Cancelled);
        await StockLedger.AssertBalancedAsync(app.Get<IInventoryStore>());
        await SagaAssert.NothingReservedAsync(app, "SKU-1001");
    }

    [Fact]
    public async Task Delivery_WhenCancelledDuringCapture_RefundsAndReleasesStock()
    {
        // A slow gateway holds the saga inside the capture step long enough for the cancel to land there.
        await using var app = new CommerceApp(new Dictionary<string, string?> { ["Commerce:Payment:GatewayLatency"] = "00:00:01" });
        var http = app.CreateClient();
        var orderId = await http.PlaceOrderAsync(CheckoutBody.Delivery());
        await http.WaitForStatusAsync(orderId, OrderStatus.Confirmed);

        using var cancel = await http.PostJsonAsync($"/api/checkouts/{orderId}/cancel");

        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        var view = await http.WaitForStatusAsync(orderId, OrderStatus.Cancelled);
        Assert.Equal(PaymentStatus.Refunded, view.Payment.Status);
        Assert.Contains(await app.Get<SimulatedPaymentGateway>().ListAuthorizationsAsync(), a => a.OrderId == orderId && a.State == AuthorizationState.Refunded);
        await SagaAssert.FinishedAsync(app, orderId, OrderStatus.Cancelled);
        await StockLedger.AssertBalancedAsync(app.Get<IInventoryStore>());
    }

    [Fact]
    public async Task Delivery_WhenAStepKeepsFailingAfterCapture_RefundsReleasesAndRejectsInsteadOfHanging()
    {
        await using var app = new CommerceApp(ShortStepRetries);
        using var broken = app.WithServices(services => services.AddSingleton<IInventoryStore>(provider =>
            new CommitFailingInventory(provider.GetRequiredService<InMemoryInventoryStore>())));
        var http = broken.CreateClient();

        var orderId = await http.PlaceOrderAsync(CheckoutBody.Delivery().WithLines(("SKU-1004", 1)));

        var view = await http.WaitForStatusAsync(orderId, OrderStatus.Rejected);
        Assert.Equal(StatusReason.ProcessingFailed, view.StatusReason);
        Assert.Equal(PaymentStatus.Refunded, view.Payment.Status);
        var instance = await SagaAssert.EndedAsync(broken.Services.GetRequiredService<DurableTaskClient>(), orderId);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, instance.RuntimeStatus);
        var levels = await broken.Services.GetRequiredService<IInventoryStore>().GetLevelsAsync("SKU-1004");
        Assert.All(levels, level => Assert.Equal((0, 0), (level.Reserved, level.Sold)));
        await StockLedger.AssertBalancedAsync(broken.Services.GetRequiredService<IInventoryStore>());
    }

    [Fact]
    public async Task Delivery_WhenTheCompensationFailsToo_RefundsWhatItCanAndEndsFailedForAnOperator()
    {
        await using var app = new CommerceApp(ShortStepRetries);
        using var broken = app.WithServices(services => services.AddSingleton<IInventoryStore>(provider =>
            new CommitFailingInventory(provider.GetRequiredService<InMemoryInventoryStore>(), releaseFails: true)));
        var http = broken.CreateClient();

        var orderId = await http.PlaceOrderAsync(CheckoutBody.Delivery().WithLines(("SKU-1006", 1)));

        var instance = await SagaAssert.EndedAsync(broken.Services.GetRequiredService<DurableTaskClient>(), orderId);
        Assert.Equal(OrchestrationRuntimeStatus.Failed, instance.RuntimeStatus);
        Assert.Contains(nameof(ReleaseStock), instance.FailureDetails?.ErrorMessage ?? string.Empty, StringComparison.Ordinal);

        // The money went back before the stock release failed; the stock stays reserved for an operator to see.
        var view = (await http.GetOrderAsync(orderId))!;
        Assert.Equal(PaymentStatus.Refunded, view.Payment.Status);
        Assert.NotEqual(OrderStatus.Rejected, view.Status);
        Assert.Single(await broken.Services.GetRequiredService<IInventoryStore>().GetLevelsAsync("SKU-1006"), level => level.Reserved == 1);
    }

    [Theory]
    [InlineData(nameof(StockCommitted), false)]
    [InlineData(nameof(OrderCompleted), false)]
    [InlineData(nameof(OrderCompleted), true)]
    public async Task Delivery_WhenRecordingTheSaleKeepsFailingAfterTheCommit_DoesNotRefundASoldOrder(string refusedEventType, bool timesOut)
    {
        await using var app = new CommerceApp(ShortStepRetries);
        using var broken = app.WithServices(services => services.AddSingleton<IOrderEventStore>(provider =>
            new RefusingEventStore(provider.GetRequiredService<InMemoryOrderEventStore>(), refusedEventType, timesOut)));
        var http = broken.CreateClient();

        var orderId = await http.PlaceOrderAsync(CheckoutBody.Delivery().WithLines(("SKU-1005", 1)));

        var instance = await SagaAssert.EndedAsync(broken.Services.GetRequiredService<DurableTaskClient>(), orderId);
        Assert.Equal(OrchestrationRuntimeStatus.Failed, instance.RuntimeStatus);
        var view = (await http.GetOrderAsync(orderId))!;
        Assert.Equal(PaymentStatus.Captured, view.Payment.Status);
        Assert.NotEqual(OrderStatus.Rejected, view.Status);
        Assert.Single(await broken.Services.GetRequiredService<IInventoryStore>().GetLevelsAsync("SKU-1005"), level => level.Sold == 1);
    }

    /// <summary>An event store that refuses to record one type of event (down, or timing out as SDKs do), to fail the saga after the sale.</summary>
    private sealed class RefusingEventStore(IOrderEventStore inner, string refusedEventType, bool timesOut) : IOrderEventStore
    {
        public Task<OrderEvent> AppendAsync(string orderId, string eventId, DateTimeOffset occurredAt, OrderEventData data, CancellationToken cancellationToken = default) =>
            data.GetType().Name == refusedEventType
                ? throw (timesOut ? new TaskCanceledException("Event store timed out.") : new InvalidOperationException("Event store unavailable."))
                : inner.AppendAsync(orderId, eventId, occurredAt, data, cancellationToken);

        public Task<IReadOnlyList<OrderEvent>> ReadAsync(string orderId, int afterSequence = 0, CancellationToken cancellationToken = default) =>
            inner.ReadAsync(orderId, afterSequence, cancellationToken);
    }

    /// <summary>An inventory whose commit is down for good, to drive the saga past its step retries.</summary>
    private sealed class CommitFailingInventory(IInventoryStore inner, bool releaseFails = false) : IInventoryStore
    {
        public Task<ReservationResult> ReserveAsync(string orderId, string locationId, IReadOnlyList<StockLine> lines, CancellationToken cancellationToken = default) =>
            inner.ReserveAsync(orderId, locationId, lines, cancellationToken);

        public Task<bool> ReleaseAsync(string orderId, CancellationToken cancellationToken = default) =>
            releaseFails ? throw new InvalidOperationException("Inventory store unavailable.") : inner.ReleaseAsync(orderId, cancellationToken);

        public Task<bool> CommitAsync(string orderId, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("Inventory store unavailable.");

        public Task<IReadOnlyList<StockLevel>> GetLevelsAsync(string sku, CancellationToken cancellationToken = default) => inner.GetLevelsAsync(sku, cancellationToken);

        public Task<StockLevel> SetOnHandAsync(string sku, string locationId, int onHand, CancellationToken cancellationToken = default) =>
            inner.SetOnHandAsync(sku, locationId, onHand, cancellationToken);
    }
}
