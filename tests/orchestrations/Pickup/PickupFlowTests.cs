using System.Net;
using AsyncCommerce.Adapters.Simulated.Payments;
using AsyncCommerce.Inventory;
using AsyncCommerce.Notifications;
using AsyncCommerce.Orchestrations.Tests.Checkout;
using AsyncCommerce.Orders;
using AsyncCommerce.Payments;
using AsyncCommerce.Testing;

namespace AsyncCommerce.Orchestrations.Tests.Pickup;

/// <summary>Buy online, pick up in store, on the real embedded engine with durations of a second or less.</summary>
public sealed class PickupFlowTests
{
    [Fact]
    public async Task Pickup_WhenCollectedWithTheCode_CapturesCommitsStockAndCompletes()
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();
        var orderId = await PlaceConfirmedPickupAsync(http, CheckoutBody.Pickup("store-002").WithLines(("SKU-1003", 2)));

        var ready = await MarkReadyAsync(http, "store-002", orderId);
        Assert.Matches("^[0-9]{6}$", ready.Pickup!.Code);
        Assert.Equal(ready.Pickup.ReadyAt + TimeSpan.FromHours(2), ready.Pickup.ExpiresAt);
        using var collect = await http.PostJsonAsync($"/api/stores/store-002/pickups/{orderId}/collect", new { code = ready.Pickup.Code });

        Assert.Equal(HttpStatusCode.Accepted, collect.StatusCode);
        var done = await http.WaitForStatusAsync(orderId, OrderStatus.Completed);
        Assert.Equal(PaymentStatus.Captured, done.Payment.Status);
        await SagaAssert.FinishedAsync(app, orderId, OrderStatus.Completed);
        var level = await SagaAssert.LevelAsync(app, "SKU-1003", "store-002");
        Assert.Equal((0, 2), (level.Reserved, level.Sold));
        await StockLedger.AssertBalancedAsync(app.Get<IInventoryStore>());
        await app.NotificationsSettledAsync();
        Assert.Equal(
            [NotificationKind.OrderConfirmed, NotificationKind.ReadyForPickup, NotificationKind.Completed],
            (await http.GetNotificationsAsync(orderId)).Select(n => n.Kind).Distinct());
    }

    [Fact]
    public async Task Pickup_WhenPreparationDeadlinePasses_AlertsStaffAndStillAcceptsReadyOnce()
    {
        await using var app = new CommerceApp(new Dictionary<string, string?> { ["Commerce:Pickup:PreparationDeadline"] = "00:00:00.300" });
        var http = app.CreateClient();
        var orderId = await PlaceConfirmedPickupAsync(http, CheckoutBody.Pickup());
        await Eventually.UntilAsync(() => EventTypesAsync(app, orderId), types => types.Contains(nameof(PickupPreparationOverdue)), "the preparation alert");

        // The ready event arrives after the deadline timer fired, then a second one of the same name.
        var ready = await MarkReadyAsync(http, "store-001", orderId);
        using var again = await http.PostJsonAsync($"/api/stores/store-001/pickups/{orderId}/ready");

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        using var collect = await http.PostJsonAsync($"/api/stores/store-001/pickups/{orderId}/collect", new { code = ready.Pickup!.Code });
        Assert.Equal(HttpStatusCode.Accepted, collect.StatusCode);
        await http.WaitForStatusAsync(orderId, OrderStatus.Completed);
        await SagaAssert.FinishedAsync(app, orderId, OrderStatus.Completed);
        Assert.Single(await EventTypesAsync(app, orderId), nameof(ReadyForPickup));
    }

    [Fact]
    public async Task Pickup_WhenWindowEnds_RemindsThenVoidsReleasesAndExpires()
    {
        await using var app = new CommerceApp(new Dictionary<string, string?>
        {
            ["Commerce:Pickup:Window"] = "00:00:01.500",
            ["Commerce:Pickup:ReminderBeforeExpiry"] = "00:00:01",
        });
        var http = app.CreateClient();
        var orderId = await PlaceConfirmedPickupAsync(http, CheckoutBody.Pickup());
        await MarkReadyAsync(http, "store-001", orderId);

        var view = await http.WaitForStatusAsync(orderId, OrderStatus.Cancelled);

        Assert.Equal(StatusReason.PickupExpired, view.StatusReason);
        Assert.Equal(PaymentStatus.Voided, view.Payment.Status);
        await SagaAssert.FinishedAsync(app, orderId, OrderStatus.Cancelled);
        await SagaAssert.NothingReservedAsync(app, "SKU-1001");
        await StockLedger.AssertBalancedAsync(app.Get<IInventoryStore>());
        await app.NotificationsSettledAsync();
        Assert.Equal(
            [NotificationKind.OrderConfirmed, NotificationKind.ReadyForPickup, NotificationKind.PickupReminder, NotificationKind.Cancelled],
            (await http.GetNotificationsAsync(orderId)).Select(n => n.Kind).Distinct());
    }

    [Fact]
    public async Task Pickup_WhenCancelledWhileConfirmed_VoidsAndReleases()
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();
        var orderId = await PlaceConfirmedPickupAsync(http, CheckoutBody.Pickup());

        using var cancel = await http.PostJsonAsync($"/api/checkouts/{orderId}/cancel");

        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        var view = await http.WaitForStatusAsync(orderId, OrderStatus.Cancelled);
        Assert.Equal((StatusReason.CustomerCancelled, PaymentStatus.Voided), (view.StatusReason!.Value, view.Payment.Status));
        await SagaAssert.FinishedAsync(app, orderId, OrderStatus.Cancelled);
        await SagaAssert.NothingReservedAsync(app, "SKU-1001");
    }

    [Fact]
    public async Task Pickup_WhenCancelledWhileReady_VoidsReleasesAndLeavesNoTimerRunning()
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();
        var orderId = await PlaceConfirmedPickupAsync(http, CheckoutBody.Pickup());
        await MarkReadyAsync(http, "store-001", orderId);

        using var cancel = await http.PostJsonAsync($"/api/checkouts/{orderId}/cancel");

        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        var view = await http.WaitForStatusAsync(orderId, OrderStatus.Cancelled);
        Assert.Equal(PaymentStatus.Voided, view.Payment.Status);

        // The two-hour window and reminder timers were cancelled; otherwise the instance would stay Running.
        await SagaAssert.FinishedAsync(app, orderId, OrderStatus.Cancelled);
        await StockLedger.AssertBalancedAsync(app.Get<IInventoryStore>());
    }

    [Fact]
    public async Task Pickup_WhenPaidInStore_IsDeferredUntilCollectionAndSettledThen()
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();
        var orderId = await PlaceConfirmedPickupAsync(http, CheckoutBody.Pickup().WithPayments(("payinstore", "store")));
        var authorization = Assert.Single(await app.Get<SimulatedPaymentGateway>().ListAuthorizationsAsync(), a => a.OrderId == orderId);
        Assert.Equal(AuthorizationState.Authorized, authorization.State);

        var ready = await MarkReadyAsync(http, "store-001", orderId);
        using var collect = await http.PostJsonAsync($"/api/stores/store-001/pickups/{orderId}/collect", new { code = ready.Pickup!.Code });

        var view = await http.WaitForStatusAsync(orderId, OrderStatus.Completed);
        Assert.Equal(("payinstore", PaymentStatus.Captured), (view.Payment.Method, view.Payment.Status));
        Assert.Contains(await app.Get<SimulatedPaymentGateway>().ListAuthorizationsAsync(), a => a.OrderId == orderId && a.State == AuthorizationState.Captured);
    }

    [Fact]
    public async Task Notifications_WhenTheBusDeliversEveryEventTwice_AreSentOncePerChannel()
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();
        var orderId = await PlaceConfirmedPickupAsync(http, CheckoutBody.Pickup());
        var ready = await MarkReadyAsync(http, "store-001", orderId);
        await app.NotificationsSettledAsync();
        var sentBefore = await http.GetNotificationsAsync(orderId);

        var bus = app.Get<IOrderEventPublisher>();
        foreach (var orderEvent in await app.Get<IOrderEventStore>().ReadAsync(orderId))
            await bus.PublishAsync(orderEvent);
        await app.NotificationsSettledAsync();

        var sentAfter = await http.GetNotificationsAsync(orderId);
        Assert.Equal(sentBefore, sentAfter);
        Assert.Equal(4, sentAfter.Count);
        Assert.Equal(sentAfter.Count, sentAfter.Select(n => (n.EventSequence, n.Channel)).Distinct().Count());
        Assert.Equal(4, app.Get<AsyncCommerce.Adapters.Simulated.Notifications.SimulatedNotificationSender>().Sent.Count(m => m.OrderId == orderId));
        Assert.NotNull(ready.Pickup?.Code);
    }

    private static async Task<string> PlaceConfirmedPickupAsync(HttpClient http, CheckoutBody body)
    {
        var orderId = await http.PlaceOrderAsync(body);
        await http.WaitForStatusAsync(orderId, OrderStatus.Confirmed);
        return orderId;
    }

    private static async Task<OrderView> MarkReadyAsync(HttpClient http, string storeId, string orderId)
    {
        using var response = await http.PostJsonAsync($"/api/stores/{storeId}/pickups/{orderId}/ready");
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return await http.WaitForStatusAsync(orderId, OrderStatus.ReadyForPickup);
    }

    private static async Task<IReadOnlyList<string>> EventTypesAsync(CommerceApp app, string orderId) =>
        [.. (await app.Get<IOrderEventStore>().ReadAsync(orderId)).Select(e => e.Type)];
}
