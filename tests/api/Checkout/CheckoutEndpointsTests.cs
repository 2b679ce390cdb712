using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AsyncCommerce.Adapters.Simulated.Payments;
using AsyncCommerce.Api.Checkout;
using AsyncCommerce.Api.Http;
using AsyncCommerce.Api.Inventory;
using AsyncCommerce.Api.Tests.Support;
using AsyncCommerce.Inventory;
using AsyncCommerce.Notifications;
using AsyncCommerce.Orders;
using AsyncCommerce.Payments;
using AsyncCommerce.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace AsyncCommerce.Api.Tests.Checkout;

/// <summary>The storefront's order routes after acceptance: status, events, notifications, a new payment method, cancel.</summary>
public sealed class CheckoutEndpointsTests
{
    private const string Sku = "SKU-1001";
    private const string UnknownOrderId = "ord_does_not_exist";

    [Fact]
    public async Task GetCheckout_ConfirmedPickupOrder_ReturnsEveryContractField()
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();
        var orderId = await http.PlaceConfirmedPickupAsync();

        using var response = await http.GetAsync(new Uri($"/api/checkouts/{orderId}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var order = await JsonShape.ReadAsync(response);
        JsonShape.AssertMembers(order, "orderId", "status", "statusReason", "customerId", "fulfillment", "lines", "total", "payment", "pickup", "version", "updatedAt");
        Assert.Equal(orderId, order.GetProperty("orderId").GetString());
        Assert.Equal("Confirmed", order.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, order.GetProperty("statusReason").ValueKind);
        Assert.Equal("cust-42", order.GetProperty("customerId").GetString());
        Assert.Equal("pickup", order.GetProperty("fulfillment").GetProperty("type").GetString());
        Assert.Equal(OrderScenarios.Store, order.GetProperty("fulfillment").GetProperty("storeId").GetString());
        var line = Assert.Single(order.GetProperty("lines").EnumerateArray());
        JsonShape.AssertMembers(line, "sku", "quantity", "unitPrice", "lineTotal");
        Assert.Equal((Sku, 2, 129.99m, 259.98m), (line.GetProperty("sku").GetString(), line.GetProperty("quantity").GetInt32(), line.GetProperty("unitPrice").GetDecimal(), line.GetProperty("lineTotal").GetDecimal()));
        Assert.Equal((259.98m, "USD"), (order.GetProperty("total").GetProperty("amount").GetDecimal(), order.GetProperty("total").GetProperty("currency").GetString()));
        var payment = order.GetProperty("payment");
        JsonShape.AssertMembers(payment, "status", "method", "attempts");
        Assert.Equal(("Authorized", "card"), (payment.GetProperty("status").GetString(), payment.GetProperty("method").GetString()));
        var attempt = Assert.Single(payment.GetProperty("attempts").EnumerateArray());
        JsonShape.AssertMembers(attempt, "method", "outcome", "reason");
        Assert.Equal(("card", "Approved"), (attempt.GetProperty("method").GetString(), attempt.GetProperty("outcome").GetString()));
        JsonShape.AssertMembers(order.GetProperty("pickup"), "storeId", "code", "readyAt", "expiresAt");
        Assert.True(order.GetProperty("version").GetInt32() >= 5);
        JsonShape.AssertUtcTimestamp(order.GetProperty("updatedAt"));
        await StockLedger.AssertBalancedAsync(app.Get<IInventoryStore>());
    }

    [Fact]
    public async Task GetCheckout_CompletedDeliveryOrder_ShowsAddressCapturedPaymentAndNoPickup()
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();
        var orderId = await http.PlaceOrderAsync(CheckoutBody.Delivery());
        await http.WaitForStatusAsync(orderId, OrderStatus.Completed);

        using var response = await http.GetAsync(new Uri($"/api/checkouts/{orderId}", UriKind.Relative));

        var order = await JsonShape.ReadAsync(response);
        var fulfillment = order.GetProperty("fulfillment");
        Assert.Equal("delivery", fulfillment.GetProperty("type").GetString());
        JsonShape.AssertMembers(fulfillment.GetProperty("address"), "line1", "city", "postalCode", "country");
        Assert.Equal("Captured", order.GetProperty("payment").GetProperty("status").GetString());
        Assert.False(order.TryGetProperty("pickup", out var pickup) && pickup.ValueKind != JsonValueKind.Null, $"A delivery order has no pickup: {order}");
        Assert.Equal(new InventoryLocationResponse("dc-001", 198, 0, 198, 2), await http.GetStockAsync(Sku, "dc-001"));
        await StockLedger.AssertBalancedAsync(app.Get<IInventoryStore>());
    }

    [Fact]
    public async Task GetCheckout_UnknownOrder_Returns404Problem()
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();

        using var response = await http.GetAsync(new Uri($"/api/checkouts/{UnknownOrderId}", UriKind.Relative));

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task GetEvents_ConfirmedPickupOrder_ListsTheStreamOldestFirst()
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();
        var orderId = await http.PlaceConfirmedPickupAsync();

        using var response = await http.GetAsync(new Uri($"/api/checkouts/{orderId}/events", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var events = (await JsonShape.ReadAsync(response)).EnumerateArray().ToList();
        Assert.All(events, e => JsonShape.AssertMembers(e, "sequence", "type", "occurredAt", "data"));
        Assert.Equal(
            ["OrderPlaced", "StockReserved", "PaymentAttempted", "PaymentAuthorized", "OrderConfirmed"],
            events.Select(e => e.GetProperty("type").GetString()));
        Assert.Equal(Enumerable.Range(1, events.Count), events.Select(e => e.GetProperty("sequence").GetInt32()));
        Assert.All(events, e => JsonShape.AssertUtcTimestamp(e.GetProperty("occurredAt")));
        var occurred = events.Select(e => e.GetProperty("occurredAt").GetDateTimeOffset()).ToList();
        Assert.Equal(occurred.Order(), occurred);
        Assert.All(events, e => Assert.Equal(JsonValueKind.Object, e.GetProperty("data").ValueKind));
        Assert.Equal("cust-42", events[0].GetProperty("data").GetProperty("customerId").GetString());
        await StockLedger.AssertBalancedAsync(app.Get<IInventoryStore>());
    }

    [Fact]
    public async Task GetEvents_AnyOrder_NeverRevealsPaymentTokens()
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();
        var orderId = await http.PlaceConfirmedPickupAsync(CheckoutBody.Pickup().WithPayments(("card", "tok_decline"), ("wallet", "wal_ok")));

        var events = await http.GetStringAsync(new Uri($"/api/checkouts/{orderId}/events", UriKind.Relative));
        var order = await http.GetStringAsync(new Uri($"/api/checkouts/{orderId}", UriKind.Relative));

        Assert.DoesNotContain("tok_decline", events, StringComparison.Ordinal);
        Assert.DoesNotContain("wal_ok", events, StringComparison.Ordinal);
        Assert.DoesNotContain("tok_decline", order, StringComparison.Ordinal);
        Assert.DoesNotContain("wal_ok", order, StringComparison.Ordinal);
        await StockLedger.AssertBalancedAsync(app.Get<IInventoryStore>());
    }

    [Fact]
    public async Task GetEvents_OrderPlaced_ShowsTheContactMaskedAsTheNotificationsDo()
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();
        var orderId = await http.PlaceConfirmedPickupAsync();

        var placed = (await http.GetEventsAsync(orderId)).Single(e => e.Type == nameof(OrderPlaced));

        var contact = ((JsonElement)placed.Data).GetProperty("contact");
        Assert.Equal(RecipientMask.Email(CheckoutBody.Email), contact.GetProperty("email").GetString());
        Assert.Equal(RecipientMask.Phone(CheckoutBody.Phone), contact.GetProperty("phone").GetString());
        Assert.Equal("a***@example.com", contact.GetProperty("email").GetString());
    }

    [Fact]
    public async Task GetEvents_UnknownOrder_Returns404Problem()
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();

        using var response = await http.GetAsync(new Uri($"/api/checkouts/{UnknownOrderId}/events", UriKind.Relative));

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task GetNotifications_ConfirmedOrderWithEmailAndPhone_OneMaskedEntryPerChannel()
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();
        var orderId = await http.PlaceConfirmedPickupAsync();
        var confirmedAt = (await http.GetEventsAsync(orderId)).Single(e => e.Type == nameof(OrderConfirmed)).Sequence;

        var notifications = await SettledNotificationsAsync(app, http, orderId, expected: 2);

        Assert.Equal(
            [(NotificationChannel.Email, "a***@example.com"), (NotificationChannel.Sms, "+1*******567")],
            notifications.Select(n => (n.Channel, n.Recipient)).Order());
        Assert.All(notifications, n => Assert.Equal((NotificationKind.OrderConfirmed, confirmedAt, orderId), (n.Kind, n.EventSequence, n.OrderId)));
        await StockLedger.AssertBalancedAsync(app.Get<IInventoryStore>());
    }

    [Fact]
    public async Task GetNotifications_AnyOrder_HasTheContractShapeAndNoFullContact()
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();
        var orderId = await http.PlaceConfirmedPickupAsync();
        await SettledNotificationsAsync(app, http, orderId, expected: 2);

        using var response = await http.GetAsync(new Uri($"/api/checkouts/{orderId}/notifications", UriKind.Relative));

        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("ada@example.com", text, StringComparison.Ordinal);
        Assert.DoesNotContain("+15551234567", text, StringComparison.Ordinal);
        var entries = (await JsonShape.ReadAsync(response)).EnumerateArray().ToList();
        Assert.All(entries, e => JsonShape.AssertMembers(e, "kind", "channel", "recipient", "eventSequence", "sentAt"));
        Assert.Equal(["email", "sms"], entries.Select(e => e.GetProperty("channel").GetString()).Order(StringComparer.Ordinal));
        Assert.All(entries, e => Assert.Equal("OrderConfirmed", e.GetProperty("kind").GetString()));
        Assert.All(entries, e => JsonShape.AssertUtcTimestamp(e.GetProperty("sentAt")));
        await StockLedger.AssertBalancedAsync(app.Get<IInventoryStore>());
    }

    [Fact]
    public async Task GetNotifications_EmailOnlyContact_OnlyEmailEntries()
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();
        var orderId = await http.PlaceConfirmedPickupAsync(CheckoutBody.Pickup().WithContact("ada@example.com", null));

        var notifications = await SettledNotificationsAsync(app, http, orderId, expected: 1);

        var only = Assert.Single(notifications);
        Assert.Equal((NotificationKind.OrderConfirmed, NotificationChannel.Email, "a***@example.com"), (only.Kind, only.Channel, only.Recipient));
        await StockLedger.AssertBalancedAsync(app.Get<IInventoryStore>());
    }

    [Fact]
    public async Task GetNotifications_CollectedPickup_ListsTheTimelineOldestFirstOncePerEventAndChannel()
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();
        var (orderId, code) = await http.PlaceReadyPickupAsync();
        using (var collect = await http.CollectPickupAsync(OrderScenarios.Store, orderId, code))
            Assert.Equal(HttpStatusCode.Accepted, collect.StatusCode);
        await http.WaitForStatusAsync(orderId, OrderStatus.Completed);

        var notifications = await SettledNotificationsAsync(app, http, orderId, expected: 6);

        Assert.Equal(
            [NotificationKind.OrderConfirmed, NotificationKind.ReadyForPickup, NotificationKind.Completed],
            notifications.Select(n => n.Kind).Distinct());
        Assert.Equal(notifications.OrderBy(n => n.EventSequence).Select(n => n.EventSequence), notifications.Select(n => n.EventSequence));
        Assert.All(notifications.GroupBy(n => (n.EventSequence, n.Channel)), group => Assert.Single(group));
        await StockLedger.AssertBalancedAsync(app.Get<IInventoryStore>());
    }

    [Fact]
    public async Task GetNotifications_UnknownOrder_Returns404Problem()
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();

        using var response = await http.GetAsync(new Uri($"/api/checkouts/{UnknownOrderId}/notifications", UriKind.Relative));

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AddPaymentMethod_WhileAwaitingPaymentMethod_Returns202AndTheOrderCompletesWithIt()
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();
        var orderId = await http.PlaceAwaitingPaymentAsync(CheckoutBody.Delivery());

        using var response = await http.PostJsonAsync($"/api/checkouts/{orderId}/payments", new { method = "wallet", token = "wal_ok" });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal($"/api/checkouts/{orderId}", response.Headers.Location?.OriginalString);
        Assert.Equal(new RequestAccepted(orderId, $"/api/checkouts/{orderId}"), await response.Content.ReadFromJsonAsync<RequestAccepted>(CommerceJson.Options));
        var view = await http.WaitForStatusAsync(orderId, OrderStatus.Completed);
        Assert.Equal((PaymentStatus.Captured, "wallet"), (view.Payment.Status, view.Payment.Method));
        Assert.Equal([PaymentOutcome.Declined, PaymentOutcome.Approved], view.Payment.Attempts.Select(a => a.Outcome));
        Assert.Single(await http.GetEventsAsync(orderId), e => e.Type == nameof(OrderPlaced));
        var authorization = Assert.Single(await app.Get<SimulatedPaymentGateway>().ListAuthorizationsAsync());
        Assert.Equal((orderId, "wallet", AuthorizationState.Captured), (authorization.OrderId, authorization.Method, authorization.State));
        await StockLedger.AssertBalancedAsync(app.Get<IInventoryStore>());
    }

    [Fact]
    public async Task AddPaymentMethod_WhenTheNewMethodAlsoFails_AwaitsAnotherOne()
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();
        var orderId = await http.PlaceAwaitingPaymentAsync(CheckoutBody.Pickup());

        using var response = await http.PostJsonAsync($"/api/checkouts/{orderId}/payments", new { method = "giftcard", token = "gc_empty" });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var view = await Eventually.UntilAsync(
            async () => (await http.GetOrderAsync(orderId))!,
            v => v.Status == OrderStatus.AwaitingPaymentMethod && v.Payment.Attempts.Count == 2,
            "the added gift card to be declined too");
        Assert.Equal(PaymentStatus.Failed, view.Payment.Status);
        await StockLedger.AssertBalancedAsync(app.Get<IInventoryStore>());
    }

    [Fact]
    public async Task AddPaymentMethod_WhenNoneArrivesInTime_OrderIsRejectedPaymentFailedAndStockReleased()
    {
        await using var app = new CommerceApp(new Dictionary<string, string?> { ["Commerce:Payment:AwaitPaymentMethodTimeout"] = "00:00:00.300" });
        var http = app.CreateClient();
        var orderId = await http.PlaceOrderAsync(CheckoutBody.Pickup().WithPayments(("card", "tok_decline")));

        var view = await http.WaitForStatusAsync(orderId, OrderStatus.Rejected);

        Assert.Equal((StatusReason.PaymentFailed, PaymentStatus.Failed), (view.StatusReason, view.Payment.Status));
        Assert.Equal(new InventoryLocationResponse(OrderScenarios.Store, 25, 0, 25, 0), await http.GetStockAsync(Sku, OrderScenarios.Store));
        await StockLedger.AssertBalancedAsync(app.Get<IInventoryStore>());
    }

    [Fact]
    public async Task AddPaymentMethod_WhenConfirmed_Returns409()
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();
        var orderId = await http.PlaceConfirmedPickupAsync();

        using var response = await http.PostJsonAsync($"/api/checkouts/{orderId}/payments", new { method = "card", token = "tok_visa" });

        await response.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Single(await app.Get<SimulatedPaymentGateway>().ListAuthorizationsAsync());
        await StockLedger.AssertBalancedAsync(app.Get<IInventoryStore>());
    }

    [Fact]
    public async Task AddPaymentMethod_WhenCompleted_Returns409()
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();
        var orderId = await http.PlaceOrderAsync(CheckoutBody.Delivery());
        await http.WaitForStatusAsync(orderId, OrderStatus.Completed);

        using var response = await http.PostJsonAsync($"/api/checkouts/{orderId}/payments", new { method = "card", token = "tok_visa" });

        await response.AssertProblemAsync(HttpStatusCode.Conflict);
        await StockLedger.AssertBalancedAsync(app.Get<IInventoryStore>());
    }

    [Fact]
    public async Task AddPaymentMethod_UnknownMethod_Returns400KeyedByMethod()
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();
        var orderId = await http.PlaceAwaitingPaymentAsync(CheckoutBody.Pickup());

        using var response = await http.PostJsonAsync($"/api/checkouts/{orderId}/payments", new { method = "bitcoin", token = "btc_ok" });

        await response.AssertValidationProblemAsync("method");
        Assert.Equal(OrderStatus.AwaitingPaymentMethod, (await http.GetOrderAsync(orderId))!.Status);
        await StockLedger.AssertBalancedAsync(app.Get<IInventoryStore>());
    }

    [Fact]
    public async Task AddPaymentMethod_MissingToken_Returns400KeyedByToken()
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();
        var orderId = await http.PlaceAwaitingPaymentAsync(CheckoutBody.Pickup());

        using var response = await http.PostJsonAsync($"/api/checkouts/{orderId}/payments", new { method = "card" });

        await response.AssertValidationProblemAsync("token");
        await StockLedger.AssertBalancedAsync(app.Get<IInventoryStore>());
    }

    [Fact]
    public async Task AddPaymentMethod_PayInStoreOnDeliveryOrder_Returns400KeyedByMethod()
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();
        var orderId = await http.PlaceAwaitingPaymentAsync(CheckoutBody.Delivery());

        using var response = await http.PostJsonAsync($"/api/checkouts/{orderId}/payments", new { method = "payinstore", token = "store" });

        await response.AssertValidationProblemAsync("method");
        Assert.Equal(OrderStatus.AwaitingPaymentMethod, (await http.GetOrderAsync(orderId))!.Status);
        await StockLedger.AssertBalancedAsync(app.Get<IInventoryStore>());
    }

    [Fact]
    public async Task AddPaymentMethod_PayInStoreOnPickupOrder_ConfirmsTheOrder()
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();
        var orderId = await http.PlaceAwaitingPaymentAsync(CheckoutBody.Pickup());

        using var response = await http.PostJsonAsync($"/api/checkouts/{orderId}/payments", new { method = "payinstore", token = "store" });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var view = await http.WaitForStatusAsync(orderId, OrderStatus.Confirmed);
        Assert.Equal((PaymentStatus.Authorized, "payinstore"), (view.Payment.Status, view.Payment.Method));
        await StockLedger.AssertBalancedAsync(app.Get<IInventoryStore>());
    }

    [Fact]
    public async Task AddPaymentMethod_UnknownOrder_Returns404Problem()
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();

        using var response = await http.PostJsonAsync($"/api/checkouts/{UnknownOrderId}/payments", new { method = "card", token = "tok_visa" });

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AddPaymentMethod_TextPlainBody_Returns415()
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();
        var orderId = await http.PlaceAwaitingPaymentAsync(CheckoutBody.Pickup());
        using var content = new StringContent("""{ "method": "card", "token": "tok_visa" }""", Encoding.UTF8, "text/plain");

        using var response = await http.PostAsync(new Uri($"/api/checkouts/{orderId}/payments", UriKind.Relative), content);

        // Whether this problem carries a detail is JsonRequestBodyTests' concern.
        await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType, requireDetail: false);
        Assert.Equal(OrderStatus.AwaitingPaymentMethod, (await http.GetOrderAsync(orderId))!.Status);
        await StockLedger.AssertBalancedAsync(app.Get<IInventoryStore>());
    }

    [Fact]
    public async Task Cancel_ConfirmedPickup_Returns202ThenCancelledWithStockReleasedAndPaymentVoided()
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();
        var orderId = await http.PlaceConfirmedPickupAsync();

        using var response = await http.PostJsonAsync($"/api/checkouts/{orderId}/cancel");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal($"/api/checkouts/{orderId}", response.Headers.Location?.OriginalString);
        Assert.Equal(new RequestAccepted(orderId, $"/api/checkouts/{orderId}"), await response.Content.ReadFromJsonAsync<RequestAccepted>(CommerceJson.Options));
        var view = await http.WaitForStatusAsync(orderId, OrderStatus.Cancelled);
        Assert.Equal((StatusReason.CustomerCancelled, PaymentStatus.Voided), (view.StatusReason, view.Payment.Status));
        Assert.Equal(AuthorizationState.Voided, Assert.Single(await app.Get<SimulatedPaymentGateway>().ListAuthorizationsAsync()).State);
        Assert.Equal(new InventoryLocationResponse(OrderScenarios.Store, 25, 0, 25, 0), await http.GetStockAsync(Sku, OrderScenarios.Store));
        await StockLedger.AssertBalancedAsync(app.Get<IInventoryStore>());
    }

    [Fact]
    public async Task Cancel_WhileStillAccepted_Returns202AndCancelsBeforeAnyPayment()
    {
        await using var app = new CommerceApp();
        using var reservations = new Gate();
        var gated = app.WithGatedReservations(reservations);
        var http = gated.CreateClient();
        var orderId = await http.PlaceOrderAsync(CheckoutBody.Pickup());
        await reservations.Entered.WaitAsync(Eventually.DefaultTimeout);
        Assert.Equal(OrderStatus.Accepted, (await http.GetOrderAsync(orderId))!.Status);

        using var response = await http.PostJsonAsync($"/api/checkouts/{orderId}/cancel");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        reservations.Open();
        var view = await http.WaitForStatusAsync(orderId, OrderStatus.Cancelled);
        Assert.Equal(StatusReason.CustomerCancelled, view.StatusReason);
        Assert.Empty(view.Payment.Attempts);
        Assert.Empty(await gated.Services.GetRequiredService<SimulatedPaymentGateway>().ListAuthorizationsAsync());
        Assert.Equal(0, (await http.GetStockAsync(Sku, OrderScenarios.Store)).Reserved);
        await StockLedger.AssertBalancedAsync(gated.Services.GetRequiredService<IInventoryStore>());
    }

    [Fact]
    public async Task Cancel_ReadyForPickup_CancelsAndVoidsThePayment()
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();
        var (orderId, _) = await http.PlaceReadyPickupAsync();

        using var response = await http.PostJsonAsync($"/api/checkouts/{orderId}/cancel");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var view = await http.WaitForStatusAsync(orderId, OrderStatus.Cancelled);
        Assert.Equal((StatusReason.CustomerCancelled, PaymentStatus.Voided), (view.StatusReason, view.Payment.Status));
        Assert.Equal(0, (await http.GetStockAsync(Sku, OrderScenarios.Store)).Reserved);
        await StockLedger.AssertBalancedAsync(app.Get<IInventoryStore>());
    }

    [Fact]
    public async Task Cancel_WhileAwaitingPaymentMethod_CancelsAndReleasesStock()
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();
        var orderId = await http.PlaceAwaitingPaymentAsync(CheckoutBody.Pickup());

        using var response = await http.PostJsonAsync($"/api/checkouts/{orderId}/cancel");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var view = await http.WaitForStatusAsync(orderId, OrderStatus.Cancelled);
        Assert.Equal(StatusReason.CustomerCancelled, view.StatusReason);
        Assert.Equal(0, (await http.GetStockAsync(Sku, OrderScenarios.Store)).Reserved);
        Assert.Empty(await app.Get<SimulatedPaymentGateway>().ListAuthorizationsAsync());
        await StockLedger.AssertBalancedAsync(app.Get<IInventoryStore>());
    }

    [Fact]
    public async Task Cancel_WhenCompleted_Returns409()
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();
        var orderId = await http.PlaceOrderAsync(CheckoutBody.Delivery());
        await http.WaitForStatusAsync(orderId, OrderStatus.Completed);

        using var response = await http.PostJsonAsync($"/api/checkouts/{orderId}/cancel");

        await response.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(OrderStatus.Completed, (await http.GetOrderAsync(orderId))!.Status);
        await StockLedger.AssertBalancedAsync(app.Get<IInventoryStore>());
    }

    [Fact]
    public async Task Cancel_WhenAlreadyCancelled_Returns409()
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();
        var orderId = await http.PlaceConfirmedPickupAsync();
        using (var first = await http.PostJsonAsync($"/api/checkouts/{orderId}/cancel"))
            Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        await http.WaitForStatusAsync(orderId, OrderStatus.Cancelled);

        using var response = await http.PostJsonAsync($"/api/checkouts/{orderId}/cancel");

        await response.AssertProblemAsync(HttpStatusCode.Conflict);
        await StockLedger.AssertBalancedAsync(app.Get<IInventoryStore>());
    }

    [Fact]
    public async Task Cancel_WhenRejected_Returns409()
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();
        var orderId = await http.PlaceOrderAsync(CheckoutBody.Pickup().WithLines(("SKU-1013", 4)));
        var rejected = await http.WaitForStatusAsync(orderId, OrderStatus.Rejected);
        Assert.Equal(StatusReason.OutOfStock, rejected.StatusReason);

        using var response = await http.PostJsonAsync($"/api/checkouts/{orderId}/cancel");

        await response.AssertProblemAsync(HttpStatusCode.Conflict);
        await StockLedger.AssertBalancedAsync(app.Get<IInventoryStore>());
    }

    [Fact]
    public async Task Cancel_UnknownOrder_Returns404Problem()
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();

        using var response = await http.PostJsonAsync($"/api/checkouts/{UnknownOrderId}/cancel");

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    /// <summary>Waits until <paramref name="expected"/> notifications are logged and the bus is idle, then reads them once more.</summary>
    private static async Task<IReadOnlyList<NotificationRecord>> SettledNotificationsAsync(CommerceApp app, HttpClient http, string orderId, int expected)
    {
        await Eventually.UntilAsync(() => http.GetNotificationsAsync(orderId), n => n.Count >= expected, $"{expected} notifications for {orderId}");
        await app.NotificationsSettledAsync();
        var notifications = await http.GetNotificationsAsync(orderId);
        Assert.Equal(expected, notifications.Count);
        return notifications;
    }
}
