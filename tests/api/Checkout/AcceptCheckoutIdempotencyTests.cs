using System.Net;
using System.Text.Json.Nodes;
using AsyncCommerce.Adapters.InMemory.Orders;
using AsyncCommerce.Api.Checkout;
using AsyncCommerce.Api.Tests.Support;
using AsyncCommerce.Inventory;
using AsyncCommerce.Orders;
using AsyncCommerce.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static AsyncCommerce.Api.Tests.Support.CheckoutAcceptanceAssertions;

namespace AsyncCommerce.Api.Tests.Checkout;

/// <summary>POST /api/checkouts with a key used before: the replayed 202, 422 for another body, 409 while the first is still being accepted, one order however many requests.</summary>
public sealed class AcceptCheckoutIdempotencyTests
{
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
}
