using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AsyncCommerce.Adapters.InMemory.Orders;
using AsyncCommerce.Adapters.Simulated.Payments;
using AsyncCommerce.Api.Checkout;
using AsyncCommerce.Api.Tests.Support;
using AsyncCommerce.Checkout;
using AsyncCommerce.Inventory;
using AsyncCommerce.Orders;
using AsyncCommerce.Payments;
using AsyncCommerce.Testing;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AsyncCommerce.Api.Tests.Checkout;

/// <summary>POST /api/checkouts: the 202, every validation rule, media type and size, and the Idempotency-Key.</summary>
public sealed class CheckoutAcceptanceTests
{
    private const string Sku = "SKU-1001";

    [Fact]
    public async Task Accept_ValidCheckout_Returns202WithLocationRetryAfterAndStatusBody()
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();

        using var response = await http.PostCheckoutAsync(CheckoutBody.Pickup());

        var accepted = await response.ReadAcceptedAsync();
        Assert.StartsWith("ord_", accepted.OrderId, StringComparison.Ordinal);
        Assert.Equal("Accepted", accepted.Status);
        Assert.Equal($"/api/checkouts/{accepted.OrderId}", accepted.StatusUrl);
        Assert.Equal(accepted.StatusUrl, response.Headers.Location?.OriginalString);
        Assert.NotNull(response.Headers.RetryAfter?.Delta);
        Assert.False(response.Headers.Contains(IdempotencyKey.ReplayedHeader));
        await StockLedger.AssertBalancedAsync(app.Get<IInventoryStore>());
    }

    [Fact]
    public async Task Accept_ValidCheckout_StatusUrlAnswersWithTheOrder()
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();
        using var response = await http.PostCheckoutAsync(CheckoutBody.Pickup());
        var accepted = await response.ReadAcceptedAsync();

        var view = await http.GetOrderAsync(accepted.OrderId);

        Assert.NotNull(view);
        Assert.Equal(accepted.OrderId, view.OrderId);
        await StockLedger.AssertBalancedAsync(app.Get<IInventoryStore>());
    }

    [Fact]
    public async Task Accept_ValidCheckout_AnswersBeforeAnyStockOrPaymentWork()
    {
        await using var app = new CommerceApp(new Dictionary<string, string?> { ["Commerce:Payment:GatewayLatency"] = "00:00:00.150" });
        using var reservations = new Gate();
        var gated = app.WithGatedReservations(reservations);
        var http = gated.CreateClient();

        // The saga's first step (reserve stock) waits at the gate, so whatever is visible when the 202 arrives is
        // exactly what POST did itself. A POST that reserved stock inline would never answer: WaitAsync fails it.
        using var response = await http.PostCheckoutAsync(CheckoutBody.Pickup()).WaitAsync(Eventually.DefaultTimeout);
        var accepted = await response.ReadAcceptedAsync();

        Assert.Equal(["OrderPlaced"], (await http.GetEventsAsync(accepted.OrderId)).Select(e => e.Type));
        var view = (await http.GetOrderAsync(accepted.OrderId))!;
        Assert.Equal(OrderStatus.Accepted, view.Status);
        Assert.Equal(PaymentStatus.Pending, view.Payment.Status);
        Assert.Empty(view.Payment.Attempts);
        Assert.Equal(0, (await http.GetStockAsync(Sku, OrderScenarios.Store)).Reserved);
        Assert.Empty(await gated.Services.GetRequiredService<SimulatedPaymentGateway>().ListAuthorizationsAsync());

        reservations.Open();
        await http.WaitForStatusAsync(accepted.OrderId, OrderStatus.Confirmed);
        await StockLedger.AssertBalancedAsync(gated.Services.GetRequiredService<IInventoryStore>());
    }

    [Fact]
    public async Task Accept_WithClientSuppliedPrices_ChargesCatalogPrices()
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();
        var body = CheckoutBody.Pickup()
            .WithValue(JsonValue.Create(0.01m), "lines", 0, "unitPrice")
            .With("total", new JsonObject { ["amount"] = 0.02m, ["currency"] = "USD" });

        var orderId = await http.PlaceOrderAsync(body);

        var view = (await http.GetOrderAsync(orderId))!;
        Assert.Equal(129.99m, view.Lines.Single().UnitPrice);
        Assert.Equal(259.98m, view.Lines.Single().LineTotal);
        Assert.Equal(new Money(259.98m, "USD"), view.Total);
        await StockLedger.AssertBalancedAsync(app.Get<IInventoryStore>());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(100)]
    public async Task Accept_QuantityAtTheEdgesOfTheRange_IsAccepted(int quantity)
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();

        using var response = await http.PostCheckoutAsync(CheckoutBody.Delivery().WithLines((Sku, quantity)));

        await response.ReadAcceptedAsync();
        await StockLedger.AssertBalancedAsync(app.Get<IInventoryStore>());
    }

    [Theory]
    [InlineData(8)]
    [InlineData(128)]
    public async Task Accept_IdempotencyKeyOfEightOr128Characters_IsAccepted(int length)
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();

        using var response = await http.PostCheckoutAsync(CheckoutBody.Pickup().ToJson(), new string('k', length));

        await response.ReadAcceptedAsync();
        await StockLedger.AssertBalancedAsync(app.Get<IInventoryStore>());
    }

    [Fact]
    public async Task Accept_IdempotencyKeyWithEveryAllowedPunctuation_IsAccepted()
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();

        using var response = await http.PostCheckoutAsync(CheckoutBody.Pickup().ToJson(), "Az09-_.:");

        await response.ReadAcceptedAsync();
        await StockLedger.AssertBalancedAsync(app.Get<IInventoryStore>());
    }

    [Fact]
    public async Task Accept_WithoutIdempotencyKey_Returns400AndStoresNothing()
    {
        await using var app = new CommerceApp();

        await AssertRejectedAsync(app, CheckoutBody.Pickup().ToJson(), key: null, IdempotencyKey.Header);
    }

    [Fact]
    public async Task Accept_WithEmptyIdempotencyKey_Returns400AndStoresNothing()
    {
        await using var app = new CommerceApp();

        await AssertRejectedAsync(app, CheckoutBody.Pickup().ToJson(), key: string.Empty, IdempotencyKey.Header);
    }

    [Fact]
    public async Task Accept_WithSevenCharacterIdempotencyKey_Returns400AndStoresNothing()
    {
        await using var app = new CommerceApp();

        await AssertRejectedAsync(app, CheckoutBody.Pickup().ToJson(), "abc-123", IdempotencyKey.Header);
    }

    [Fact]
    public async Task Accept_With129CharacterIdempotencyKey_Returns400AndStoresNothing()
    {
        await using var app = new CommerceApp();

        await AssertRejectedAsync(app, CheckoutBody.Pickup().ToJson(), new string('k', 129), IdempotencyKey.Header);
    }

    [Theory]
    [InlineData("order key 1")]
    [InlineData("order/key/1")]
    [InlineData("order+key=1")]
    [InlineData("order-key-1!")]
    public async Task Accept_WithInvalidCharacterInIdempotencyKey_Returns400AndStoresNothing(string key)
    {
        await using var app = new CommerceApp();

        await AssertRejectedAsync(app, CheckoutBody.Pickup().ToJson(), key, IdempotencyKey.Header);
    }

    [Fact]
    public async Task Accept_MalformedJson_Returns400KeyedByRootAndStoresNothing()
    {
        await using var app = new CommerceApp();
        var key = CommerceHttp.NewKey();

        await AssertRejectedAsync(app, "this is { not json", key, "$");
        await AssertKeyStartsAFreshOrderAsync(app, key);
    }

    [Fact]
    public async Task Accept_EmptyLines_Returns400KeyedByLinesAndStoresNothing()
    {
        await using var app = new CommerceApp();

        await AssertRejectedThenKeyStillFreshAsync(app, CheckoutBody.Pickup().With("lines", new JsonArray()), "lines");
    }

    [Fact]
    public async Task Accept_WithoutLines_Returns400KeyedByLinesAndStoresNothing()
    {
        await using var app = new CommerceApp();

        await AssertRejectedThenKeyStillFreshAsync(app, CheckoutBody.Pickup().With("lines", null), "lines");
    }

    [Fact]
    public async Task Accept_QuantityZero_Returns400KeyedByQuantityAndStoresNothing()
    {
        await using var app = new CommerceApp();

        await AssertRejectedThenKeyStillFreshAsync(app, CheckoutBody.Pickup().WithLines((Sku, 0)), "lines[0].quantity");
    }

    [Fact]
    public async Task Accept_Quantity101_Returns400KeyedByQuantityAndStoresNothing()
    {
        await using var app = new CommerceApp();

        await AssertRejectedThenKeyStillFreshAsync(app, CheckoutBody.Pickup().WithLines((Sku, 101)), "lines[0].quantity");
    }

    [Fact]
    public async Task Accept_NegativeQuantityOnSecondLine_Returns400KeyedBySecondLine()
    {
        await using var app = new CommerceApp();

        await AssertRejectedThenKeyStillFreshAsync(app, CheckoutBody.Pickup().WithLines((Sku, 1), ("SKU-1002", -1)), "lines[1].quantity");
    }

    [Theory]
    [InlineData("\"2\"")]
    [InlineData("2.5")]
    [InlineData("true")]
    [InlineData("[2]")]
    [InlineData("{ \"value\": 2 }")]
    public async Task Accept_QuantityOfWrongJsonType_Returns400KeyedByQuantityAndStoresNothing(string quantity)
    {
        await using var app = new CommerceApp();

        await AssertRejectedThenKeyStillFreshAsync(app, CheckoutBody.Pickup().WithValue(JsonNode.Parse(quantity), "lines", 0, "quantity"), "lines[0].quantity");
    }

    [Fact]
    public async Task Accept_UnknownSku_Returns400KeyedBySkuAndStoresNothing()
    {
        await using var app = new CommerceApp();

        await AssertRejectedThenKeyStillFreshAsync(app, CheckoutBody.Pickup().WithLines((Sku, 1), ("SKU-9999", 1)), "lines[1].sku");
    }

    [Fact]
    public async Task Accept_PickupWithoutStore_Returns400KeyedByStoreIdAndStoresNothing()
    {
        await using var app = new CommerceApp();
        var body = CheckoutBody.Pickup().WithFulfillment(new JsonObject { ["type"] = "pickup" });

        await AssertRejectedThenKeyStillFreshAsync(app, body, "fulfillment.storeId");
    }

    [Fact]
    public async Task Accept_PickupWithUnknownStore_Returns400KeyedByStoreIdAndStoresNothing()
    {
        await using var app = new CommerceApp();

        await AssertRejectedThenKeyStillFreshAsync(app, CheckoutBody.Pickup("store-999"), "fulfillment.storeId");
    }

    [Fact]
    public async Task Accept_PickupAtFulfillmentCentre_Returns400KeyedByStoreIdAndStoresNothing()
    {
        await using var app = new CommerceApp();

        await AssertRejectedThenKeyStillFreshAsync(app, CheckoutBody.Pickup("dc-001"), "fulfillment.storeId");
    }

    [Fact]
    public async Task Accept_DeliveryWithoutAddress_Returns400KeyedByAddressAndStoresNothing()
    {
        await using var app = new CommerceApp();
        var body = CheckoutBody.Pickup().WithFulfillment(new JsonObject { ["type"] = "delivery" });

        await AssertRejectedThenKeyStillFreshAsync(app, body, "fulfillment.address");
    }

    [Fact]
    public async Task Accept_WithoutFulfillment_Returns400KeyedByFulfillmentAndStoresNothing()
    {
        await using var app = new CommerceApp();

        await AssertRejectedThenKeyStillFreshAsync(app, CheckoutBody.Pickup().With("fulfillment", null), "fulfillment");
    }

    [Fact]
    public async Task Accept_NoPaymentMethods_Returns400KeyedByPaymentsAndStoresNothing()
    {
        await using var app = new CommerceApp();

        await AssertRejectedThenKeyStillFreshAsync(app, CheckoutBody.Pickup().WithPayments(), "payments");
    }

    [Fact]
    public async Task Accept_WithoutPayments_Returns400KeyedByPaymentsAndStoresNothing()
    {
        await using var app = new CommerceApp();

        await AssertRejectedThenKeyStillFreshAsync(app, CheckoutBody.Pickup().With("payments", null), "payments");
    }

    [Fact]
    public async Task Accept_FivePaymentMethods_IsAccepted()
    {
        await using var app = new CommerceApp();
        var body = CheckoutBody.Pickup().WithPayments([.. Enumerable.Repeat(("card", "tok_visa"), 5)]);

        using var response = await app.CreateClient().PostCheckoutAsync(body);

        await response.ReadAcceptedAsync();
        await StockLedger.AssertBalancedAsync(app.Get<IInventoryStore>());
    }

    [Fact]
    public async Task Accept_SixPaymentMethods_Returns400KeyedByPaymentsAndStoresNothing()
    {
        await using var app = new CommerceApp();
        var body = CheckoutBody.Pickup().WithPayments([.. Enumerable.Repeat(("card", "tok_visa"), 6)]);

        await AssertRejectedThenKeyStillFreshAsync(app, body, "payments");
    }

    [Fact]
    public async Task Accept_UnknownPaymentMethod_Returns400KeyedByMethodAndStoresNothing()
    {
        await using var app = new CommerceApp();
        var body = CheckoutBody.Pickup().WithPayments(("card", "tok_visa"), ("bitcoin", "btc_ok"));

        await AssertRejectedThenKeyStillFreshAsync(app, body, "payments[1].method");
    }

    [Fact]
    public async Task Accept_PaymentWithoutToken_Returns400KeyedByTokenAndStoresNothing()
    {
        await using var app = new CommerceApp();
        var body = CheckoutBody.Pickup().With("payments", new JsonArray(new JsonObject { ["method"] = "card" }));

        await AssertRejectedThenKeyStillFreshAsync(app, body, "payments[0].token");
    }

    [Fact]
    public async Task Accept_PayInStoreOnDelivery_Returns400KeyedByMethodAndStoresNothing()
    {
        await using var app = new CommerceApp();
        var body = CheckoutBody.Delivery().WithPayments(("payinstore", "store"));

        await AssertRejectedThenKeyStillFreshAsync(app, body, "payments[0].method");
    }

    [Fact]
    public async Task Accept_UnsupportedCurrency_Returns400KeyedByCurrencyAndStoresNothing()
    {
        await using var app = new CommerceApp();

        await AssertRejectedThenKeyStillFreshAsync(app, CheckoutBody.Pickup().With("currency", "EUR"), "currency");
    }

    [Fact]
    public async Task Accept_WithoutCurrency_Returns400KeyedByCurrencyAndStoresNothing()
    {
        await using var app = new CommerceApp();

        await AssertRejectedThenKeyStillFreshAsync(app, CheckoutBody.Pickup().With("currency", null), "currency");
    }

    [Fact]
    public async Task Accept_SeveralProblems_ReportsEveryPathAtOnce()
    {
        await using var app = new CommerceApp();
        var body = CheckoutBody.Pickup("store-999").WithLines((Sku, 0)).WithPayments(("bitcoin", "btc_ok"));

        await AssertRejectedThenKeyStillFreshAsync(app, body, "lines[0].quantity", "fulfillment.storeId", "payments[0].method");
    }

    [Fact]
    public async Task Accept_TextPlainBody_Returns415AndStoresNothing()
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();

        using var response = await http.PostCheckoutAsync(CheckoutBody.Pickup().ToJson(), CommerceHttp.NewKey(), "text/plain");

        // Whether this problem carries a detail is JsonRequestBodyTests' concern.
        await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType, requireDetail: false);
        Assert.Equal(0, await CountWorkflowsAsync(app));
    }

    [Fact]
    public async Task Accept_BodyWithoutContentType_Returns415AndStoresNothing()
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/checkouts") { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(CheckoutBody.Pickup().ToJson())) };
        request.Headers.Add(IdempotencyKey.Header, CommerceHttp.NewKey());

        using var response = await http.SendAsync(request);

        await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
        Assert.Equal(0, await CountWorkflowsAsync(app));
    }

    [Fact]
    public async Task Accept_BodyOver64KiB_Returns413AndStoresNothing()
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();

        using var response = await http.PostCheckoutAsync(PaddedCheckout(CheckoutLimits.MaxBodyBytes + 1), CommerceHttp.NewKey());

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(0, await CountWorkflowsAsync(app));
    }

    [Fact]
    public async Task Accept_BodyOfExactly64KiB_IsAccepted()
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();

        using var response = await http.PostCheckoutAsync(PaddedCheckout(CheckoutLimits.MaxBodyBytes), CommerceHttp.NewKey());

        await response.ReadAcceptedAsync();
        await StockLedger.AssertBalancedAsync(app.Get<IInventoryStore>());
    }

    [Fact]
    public async Task Accept_SameKeyAndBodyAgain_ReplaysTheSameOrderWithReplayedHeader()
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();
        var key = CommerceHttp.NewKey();
        var json = CheckoutBody.Pickup().ToJson();
        using var first = await http.PostCheckoutAsync(json, key);
        var original = await first.Content.ReadAsStringAsync();
        var orderId = (await first.ReadAcceptedAsync()).OrderId;

        using var replay = await http.PostCheckoutAsync(json, key);

        Assert.Equal(HttpStatusCode.Accepted, replay.StatusCode);
        Assert.Equal(original, await replay.Content.ReadAsStringAsync());
        Assert.Equal(["true"], replay.Headers.GetValues(IdempotencyKey.ReplayedHeader));
        Assert.Equal($"/api/checkouts/{orderId}", replay.Headers.Location?.OriginalString);
        Assert.NotNull(replay.Headers.RetryAfter?.Delta);
        await http.WaitForStatusAsync(orderId, OrderStatus.Confirmed);
        await AssertExactlyOneOrderAsync(app, http, orderId);
    }

    [Fact]
    public async Task Accept_SameKeyAndBodyAfterTheOrderProgressed_StillReplaysTheAcceptedBody()
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();
        var key = CommerceHttp.NewKey();
        var json = CheckoutBody.Pickup().ToJson();
        using var first = await http.PostCheckoutAsync(json, key);
        var orderId = (await first.ReadAcceptedAsync()).OrderId;
        await http.WaitForStatusAsync(orderId, OrderStatus.Confirmed);

        using var replay = await http.PostCheckoutAsync(json, key);

        var replayed = await replay.ReadAcceptedAsync();
        Assert.Equal(new CheckoutAccepted(orderId, "Accepted", $"/api/checkouts/{orderId}"), replayed);
        await AssertExactlyOneOrderAsync(app, http, orderId);
    }

    [Fact]
    public async Task Accept_SameKeyAndSameBodyReorderedAndIndented_ReplaysTheSameOrder()
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();
        var key = CommerceHttp.NewKey();
        var body = CheckoutBody.Pickup();
        var orderId = await PlaceWithKeyAsync(http, body.ToJson(), key);
        var members = JsonNode.Parse(body.ToJson())!.AsObject().Reverse().Select(member => KeyValuePair.Create(member.Key, member.Value?.DeepClone()));
        var reformatted = new JsonObject(members).ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });

        using var replay = await http.PostCheckoutAsync(reformatted, key);

        Assert.Equal(orderId, (await replay.ReadAcceptedAsync()).OrderId);
        Assert.True(replay.Headers.Contains(IdempotencyKey.ReplayedHeader));
        await http.WaitForStatusAsync(orderId, OrderStatus.Confirmed);
        await AssertExactlyOneOrderAsync(app, http, orderId);
    }

    [Fact]
    public async Task Accept_SameKeyAndBodyJustUnder24HoursLater_StillReplaysTheSameOrder()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = new CommerceApp(new Dictionary<string, string?> { ["Commerce:Payment:GatewayLatency"] = "00:00:00" });
        var clocked = app.WithServices(services => services.AddSingleton<TimeProvider>(clock));
        var http = clocked.CreateClient();
        var key = CommerceHttp.NewKey();
        var json = CheckoutBody.Pickup().ToJson();
        var orderId = await PlaceWithKeyAsync(http, json, key);
        clock.Advance(TimeSpan.FromHours(24) - TimeSpan.FromSeconds(1));

        using var replay = await http.PostCheckoutAsync(json, key);

        Assert.Equal(orderId, (await replay.ReadAcceptedAsync()).OrderId);
        Assert.True(replay.Headers.Contains(IdempotencyKey.ReplayedHeader));
        await StockLedger.AssertBalancedAsync(clocked.Services.GetRequiredService<IInventoryStore>());
    }

    [Fact]
    public async Task Accept_SameKeyWithDifferentBody_Returns422AndLeavesTheFirstOrderAlone()
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();
        var key = CommerceHttp.NewKey();
        var orderId = await PlaceWithKeyAsync(http, CheckoutBody.Pickup().ToJson(), key);

        using var conflicting = await http.PostCheckoutAsync(CheckoutBody.Pickup().WithLines((Sku, 3)).ToJson(), key);

        await conflicting.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        var view = await http.WaitForStatusAsync(orderId, OrderStatus.Confirmed);
        Assert.Equal(2, view.Lines.Single().Quantity);
        await AssertExactlyOneOrderAsync(app, http, orderId);
    }

    [Fact]
    public async Task Accept_DifferentKeysWithTheSameBody_PlaceTwoOrders()
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();
        var json = CheckoutBody.Pickup().ToJson();

        var first = await PlaceWithKeyAsync(http, json, CommerceHttp.NewKey());
        var second = await PlaceWithKeyAsync(http, json, CommerceHttp.NewKey());

        Assert.NotEqual(first, second);
        await http.WaitForStatusAsync(first, OrderStatus.Confirmed);
        await http.WaitForStatusAsync(second, OrderStatus.Confirmed);
        Assert.Equal(4, (await http.GetStockAsync(Sku, OrderScenarios.Store)).Reserved);
        await StockLedger.AssertBalancedAsync(app.Get<IInventoryStore>());
    }

    [Fact]
    public async Task Accept_TwentyConcurrentRequestsWithTheSameKey_AllAcceptedAsOneOrder()
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();
        var key = CommerceHttp.NewKey();
        var json = CheckoutBody.Pickup().ToJson();

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => http.PostCheckoutAsync(json, key)));

        try
        {
            Assert.All(responses, response => Assert.Equal(HttpStatusCode.Accepted, response.StatusCode));
            var orderIds = await Task.WhenAll(responses.Select(async response => (await response.ReadAcceptedAsync()).OrderId));
            var orderId = Assert.Single(orderIds.Distinct());
            Assert.Single(responses, response => !response.Headers.Contains(IdempotencyKey.ReplayedHeader));
            await http.WaitForStatusAsync(orderId, OrderStatus.Confirmed);
            await AssertExactlyOneOrderAsync(app, http, orderId);
        }
        finally
        {
            foreach (var response in responses)
                response.Dispose();
        }
    }

    [Fact]
    public async Task Accept_SameKeyWhileTheFirstIsStillBeingAccepted_Returns409()
    {
        await using var app = new CommerceApp(new Dictionary<string, string?> { ["Commerce:Checkout:DuplicateWait"] = "00:00:00" });
        using var placements = new Gate();
        var gated = app.WithServices(services => services.AddSingleton<IOrderEventStore>(
            provider => new GatedOrderEventStore(provider.GetRequiredService<InMemoryOrderEventStore>(), placements)));
        var http = gated.CreateClient();
        var key = CommerceHttp.NewKey();
        var json = CheckoutBody.Pickup().ToJson();
        var first = http.PostCheckoutAsync(json, key);
        await placements.Entered.WaitAsync(Eventually.DefaultTimeout);

        using var duplicate = await http.PostCheckoutAsync(json, key);

        await duplicate.AssertProblemAsync(HttpStatusCode.Conflict);
        placements.Open();
        using var accepted = await first;
        var orderId = (await accepted.ReadAcceptedAsync()).OrderId;
        await http.WaitForStatusAsync(orderId, OrderStatus.Confirmed);
        await StockLedger.AssertBalancedAsync(gated.Services.GetRequiredService<IInventoryStore>());
    }

    private static async Task<string> PlaceWithKeyAsync(HttpClient http, string json, string key)
    {
        using var response = await http.PostCheckoutAsync(json, key);
        return (await response.ReadAcceptedAsync()).OrderId;
    }

    /// <summary>A valid pickup checkout padded with an unknown member to exactly <paramref name="bytes"/> bytes of UTF-8.</summary>
    private static string PaddedCheckout(int bytes)
    {
        var json = CheckoutBody.Pickup().With("padding", string.Empty).ToJson();
        var padded = json.Replace("\"padding\":\"\"", $"\"padding\":\"{new string('x', bytes - Encoding.UTF8.GetByteCount(json))}\"", StringComparison.Ordinal);
        Assert.Equal(bytes, Encoding.UTF8.GetByteCount(padded));
        return padded;
    }

    private static async Task AssertRejectedThenKeyStillFreshAsync(CommerceApp app, CheckoutBody body, params string[] errorPaths)
    {
        var key = CommerceHttp.NewKey();
        await AssertRejectedAsync(app, body.ToJson(), key, errorPaths);
        await AssertKeyStartsAFreshOrderAsync(app, key);
    }

    /// <summary>400 keyed by exactly <paramref name="errorPaths"/>, and nothing stored: no key, no order, no workflow, no stock touched.</summary>
    private static async Task AssertRejectedAsync(CommerceApp app, string json, string? key, params string[] errorPaths)
    {
        var http = app.CreateClient();
        var stockBefore = await http.GetInventoryAsync(Sku);

        using var response = await http.PostCheckoutAsync(json, key);

        await response.AssertValidationProblemAsync(errorPaths);
        if (!string.IsNullOrEmpty(key))
            Assert.Null(await app.Get<IIdempotencyStore>().GetAsync(key));
        Assert.Equal(0, await CountWorkflowsAsync(app));
        Assert.Empty(await app.Get<SimulatedPaymentGateway>().ListAuthorizationsAsync());
        Assert.Empty(await app.Get<IOrderViewStore>().ListPickupsAsync(OrderScenarios.Store, OrderStatus.Accepted));
        Assert.Equivalent(stockBefore, await http.GetInventoryAsync(Sku), strict: true);
    }

    /// <summary>The key of a rejected request was not remembered: a valid body with it places a new order.</summary>
    private static async Task AssertKeyStartsAFreshOrderAsync(CommerceApp app, string key)
    {
        var http = app.CreateClient();

        using var response = await http.PostCheckoutAsync(CheckoutBody.Pickup().ToJson(), key);

        var accepted = await response.ReadAcceptedAsync();
        Assert.False(response.Headers.Contains(IdempotencyKey.ReplayedHeader));
        await http.WaitForStatusAsync(accepted.OrderId, OrderStatus.Confirmed);
        await StockLedger.AssertBalancedAsync(app.Get<IInventoryStore>());
    }

    /// <summary>One order for the key: one OrderPlaced on its stream, one workflow, one authorization at the gateway.</summary>
    private static async Task AssertExactlyOneOrderAsync(CommerceApp app, HttpClient http, string orderId)
    {
        Assert.Single(await http.GetEventsAsync(orderId), e => e.Type == nameof(OrderPlaced));
        Assert.Equal(1, await CountWorkflowsAsync(app));
        var authorization = Assert.Single(await app.Get<SimulatedPaymentGateway>().ListAuthorizationsAsync());
        Assert.Equal(orderId, authorization.OrderId);
        await StockLedger.AssertBalancedAsync(app.Get<IInventoryStore>());
    }

    private static async Task<int> CountWorkflowsAsync(CommerceApp app)
    {
        var count = 0;
        await foreach (var _ in app.Workflows.GetAllInstancesAsync())
            count++;
        return count;
    }
}
