using System.Net;
using System.Net.Http.Json;
using AsyncCommerce.Adapters.Simulated.Payments;
using AsyncCommerce.Api.Checkout;
using AsyncCommerce.Api.Http;
using AsyncCommerce.Api.Inventory;
using AsyncCommerce.Api.Pickup;
using AsyncCommerce.Api.Tests.Support;
using AsyncCommerce.Inventory;
using AsyncCommerce.Orders;
using AsyncCommerce.Payments;
using AsyncCommerce.Testing;

namespace AsyncCommerce.Api.Tests.Pickup;

/// <summary>The store staff's routes: the pickup queue, marking an order ready, and handing it over against its code.</summary>
public sealed class PickupEndpointsTests
{
    private const string Store = OrderScenarios.Store;
    private const string OtherStore = "store-002";
    private const string Sku = "SKU-1001";

    [Fact]
    public async Task ListPickups_WithoutStatus_ListsTheStoresOpenPickupOrdersOnly()
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();
        var confirmed = await http.PlaceConfirmedPickupAsync();
        var (ready, _) = await http.PlaceReadyPickupAsync();
        var otherStore = await http.PlaceOrderAsync(CheckoutBody.Pickup(OtherStore));
        var delivery = await http.PlaceOrderAsync(CheckoutBody.Delivery());
        await http.WaitForStatusAsync(otherStore, OrderStatus.Confirmed);
        await http.WaitForStatusAsync(delivery, OrderStatus.Completed);

        var queue = await ListAsync(http, Store);

        Assert.Equal([(confirmed, OrderStatus.Confirmed), (ready, OrderStatus.ReadyForPickup)], queue.Select(e => (e.OrderId, e.Status)).Order());
        await StockLedger.AssertBalancedAsync(app.Get<IInventoryStore>());
    }

    [Fact]
    public async Task ListPickups_FilteredByConfirmed_ListsOnlyConfirmedOrders()
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();
        var confirmed = await http.PlaceConfirmedPickupAsync();
        await http.PlaceReadyPickupAsync();

        var queue = await ListAsync(http, Store, "Confirmed");

        Assert.Equal(confirmed, Assert.Single(queue).OrderId);
        await StockLedger.AssertBalancedAsync(app.Get<IInventoryStore>());
    }

    [Fact]
    public async Task ListPickups_FilteredByReadyForPickup_ListsOnlyReadyOrders()
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();
        await http.PlaceConfirmedPickupAsync();
        var (ready, _) = await http.PlaceReadyPickupAsync();

        var queue = await ListAsync(http, Store, "ReadyForPickup");

        var entry = Assert.Single(queue);
        Assert.Equal((ready, OrderStatus.ReadyForPickup), (entry.OrderId, entry.Status));
        Assert.NotNull(entry.ReadyAt);
        Assert.NotNull(entry.ExpiresAt);
        await StockLedger.AssertBalancedAsync(app.Get<IInventoryStore>());
    }

    [Fact]
    public async Task ListPickups_NoOpenOrders_ReturnsAnEmptyQueue()
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();

        Assert.Empty(await ListAsync(http, Store));
    }

    [Fact]
    public async Task ListPickups_ReadyOrder_DoesNotRevealThePickupCode()
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();
        var (_, code) = await http.PlaceReadyPickupAsync();

        using var response = await http.GetAsync(new Uri($"/api/stores/{Store}/pickups", UriKind.Relative));

        var entry = Assert.Single((await JsonShape.ReadAsync(response)).EnumerateArray());
        JsonShape.AssertMembers(entry, "orderId", "status", "customerId", "lines", "readyAt", "expiresAt");
        Assert.False(entry.TryGetProperty("code", out _), $"The queue must not show the pickup code: {entry}");
        Assert.DoesNotContain(code, entry.ToString(), StringComparison.Ordinal);
        await StockLedger.AssertBalancedAsync(app.Get<IInventoryStore>());
    }

    [Theory]
    [InlineData("Completed")]
    [InlineData("Accepted")]
    [InlineData("Cancelled")]
    [InlineData("NotAStatus")]
    public async Task ListPickups_WithAnotherStatus_Returns400KeyedByStatus(string status)
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();

        using var response = await http.GetAsync(new Uri($"/api/stores/{Store}/pickups?status={status}", UriKind.Relative));

        await response.AssertValidationProblemAsync("status");
    }

    [Fact]
    public async Task ListPickups_UnknownStore_Returns404Problem()
    {
        await using var app = new CommerceApp();

        // A token for the store, so the answer is the handler's: the catalog has no such store.
        var http = app.CreateClient().WithToken(TestTokens.ForStores("store-999"));

        using var response = await http.GetAsync(new Uri("/api/stores/store-999/pickups", UriKind.Relative));

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task MarkReady_ConfirmedOrder_Returns202AndTheOrderIsReadyWithACodeAndWindow()
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();
        var orderId = await http.PlaceConfirmedPickupAsync();

        using var response = await http.MarkPickupReadyAsync(Store, orderId);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal($"/api/checkouts/{orderId}", response.Headers.Location?.OriginalString);
        Assert.Equal(new RequestAccepted(orderId, $"/api/checkouts/{orderId}"), await response.Content.ReadFromJsonAsync<RequestAccepted>(CommerceJson.Options));
        var pickup = (await http.WaitForStatusAsync(orderId, OrderStatus.ReadyForPickup)).Pickup!;
        Assert.Equal(Store, pickup.StoreId);
        Assert.Matches("^[0-9]{6}$", pickup.Code);
        Assert.Equal(TimeSpan.FromHours(2), pickup.ExpiresAt - pickup.ReadyAt);
        await StockLedger.AssertBalancedAsync(app.Get<IInventoryStore>());
    }

    [Fact]
    public async Task MarkReady_AlreadyReady_Returns409()
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();
        var (orderId, code) = await http.PlaceReadyPickupAsync();

        using var response = await http.MarkPickupReadyAsync(Store, orderId);

        await response.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(code, (await http.GetOrderAsync(orderId))!.Pickup!.Code);
        await StockLedger.AssertBalancedAsync(app.Get<IInventoryStore>());
    }

    [Fact]
    public async Task MarkReady_AwaitingPaymentMethod_Returns409()
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();
        var orderId = await http.PlaceAwaitingPaymentAsync(CheckoutBody.Pickup());

        using var response = await http.MarkPickupReadyAsync(Store, orderId);

        await response.AssertProblemAsync(HttpStatusCode.Conflict);
        await StockLedger.AssertBalancedAsync(app.Get<IInventoryStore>());
    }

    [Fact]
    public async Task MarkReady_AnotherStoresOrder_Returns404()
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();
        var orderId = await http.PlaceConfirmedPickupAsync();

        using var response = await http.MarkPickupReadyAsync(OtherStore, orderId);

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(OrderStatus.Confirmed, (await http.GetOrderAsync(orderId))!.Status);
        await StockLedger.AssertBalancedAsync(app.Get<IInventoryStore>());
    }

    [Fact]
    public async Task MarkReady_DeliveryOrder_Returns404()
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();
        var orderId = await http.PlaceOrderAsync(CheckoutBody.Delivery());
        await http.WaitForStatusAsync(orderId, OrderStatus.Completed);

        using var response = await http.MarkPickupReadyAsync(Store, orderId);

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
        await StockLedger.AssertBalancedAsync(app.Get<IInventoryStore>());
    }

    [Fact]
    public async Task MarkReady_UnknownOrder_Returns404()
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();

        using var response = await http.MarkPickupReadyAsync(Store, "ord_does_not_exist");

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Collect_WithTheRightCode_Returns202AndCompletesWithCaptureAndStockSold()
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();
        var (orderId, code) = await http.PlaceReadyPickupAsync();

        using var response = await http.CollectPickupAsync(Store, orderId, code);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal($"/api/checkouts/{orderId}", response.Headers.Location?.OriginalString);
        var view = await http.WaitForStatusAsync(orderId, OrderStatus.Completed);
        Assert.Equal(PaymentStatus.Captured, view.Payment.Status);
        Assert.Equal(AuthorizationState.Captured, Assert.Single(await app.Get<SimulatedPaymentGateway>().ListAuthorizationsAsync()).State);
        Assert.Equal(new InventoryLocationResponse(Store, 23, 0, 23, 2), await http.GetStockAsync(Sku, Store));
        await StockLedger.AssertBalancedAsync(app.Get<IInventoryStore>());
    }

    [Fact]
    public async Task Collect_CodeWithSurroundingSpaces_IsAccepted()
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();
        var (orderId, code) = await http.PlaceReadyPickupAsync();

        using var response = await http.CollectPickupAsync(Store, orderId, $" {code} ");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await http.WaitForStatusAsync(orderId, OrderStatus.Completed);
        await StockLedger.AssertBalancedAsync(app.Get<IInventoryStore>());
    }

    [Fact]
    public async Task Collect_WithAWrongCode_Returns422AndTheOrderStaysReady()
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();
        var (orderId, code) = await http.PlaceReadyPickupAsync();

        using var response = await http.CollectPickupAsync(Store, orderId, WrongCode(code));

        await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        var view = (await http.GetOrderAsync(orderId))!;
        Assert.Equal((OrderStatus.ReadyForPickup, PaymentStatus.Authorized), (view.Status, view.Payment.Status));
        await StockLedger.AssertBalancedAsync(app.Get<IInventoryStore>());
    }

    [Fact]
    public async Task Collect_BeforeReady_Returns409()
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();
        var orderId = await http.PlaceConfirmedPickupAsync();

        using var response = await http.CollectPickupAsync(Store, orderId, "123456");

        await response.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(OrderStatus.Confirmed, (await http.GetOrderAsync(orderId))!.Status);
        await StockLedger.AssertBalancedAsync(app.Get<IInventoryStore>());
    }

    [Fact]
    public async Task Collect_AlreadyCollected_Returns409()
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();
        var (orderId, code) = await http.PlaceReadyPickupAsync();
        using (var first = await http.CollectPickupAsync(Store, orderId, code))
            Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        await http.WaitForStatusAsync(orderId, OrderStatus.Completed);

        using var response = await http.CollectPickupAsync(Store, orderId, code);

        await response.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(2, (await http.GetStockAsync(Sku, Store)).Sold);
        await StockLedger.AssertBalancedAsync(app.Get<IInventoryStore>());
    }

    [Fact]
    public async Task Collect_AnotherStoresOrder_Returns404()
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();
        var (orderId, code) = await http.PlaceReadyPickupAsync();

        using var response = await http.CollectPickupAsync(OtherStore, orderId, code);

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(OrderStatus.ReadyForPickup, (await http.GetOrderAsync(orderId))!.Status);
        await StockLedger.AssertBalancedAsync(app.Get<IInventoryStore>());
    }

    [Fact]
    public async Task Collect_UnknownOrder_Returns404()
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();

        using var response = await http.CollectPickupAsync(Store, "ord_does_not_exist", "123456");

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Collect_WithoutACode_Returns400KeyedByCode(string? code)
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();
        var (orderId, _) = await http.PlaceReadyPickupAsync();

        using var response = await http.CollectPickupAsync(Store, orderId, code);

        await response.AssertValidationProblemAsync("code");
        Assert.Equal(OrderStatus.ReadyForPickup, (await http.GetOrderAsync(orderId))!.Status);
        await StockLedger.AssertBalancedAsync(app.Get<IInventoryStore>());
    }

    private static async Task<IReadOnlyList<PickupQueueEntry>> ListAsync(HttpClient http, string storeId, string? status = null)
    {
        var query = status is null ? string.Empty : $"?status={status}";
        using var response = await http.GetAsync(new Uri($"/api/stores/{storeId}/pickups{query}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<IReadOnlyList<PickupQueueEntry>>(CommerceJson.Options))!;
    }

    /// <summary>Six digits that are certainly not <paramref name="code"/>.</summary>
    private static string WrongCode(string code) => string.Concat(code.Select(digit => (char)('0' + ((digit - '0' + 1) % 10))));
}
