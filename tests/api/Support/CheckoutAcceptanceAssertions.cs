using AsyncCommerce.Adapters.Simulated.Payments;
using AsyncCommerce.Api.Checkout;
using AsyncCommerce.Checkout;
using AsyncCommerce.Inventory;
using AsyncCommerce.Orders;
using AsyncCommerce.Testing;

namespace AsyncCommerce.Api.Tests.Support;

/// <summary>What POST /api/checkouts left behind, asserted the same way by every test of it: refused, fresh, or one order.</summary>
public static class CheckoutAcceptanceAssertions
{
    /// <summary>The SKU the built checkouts order (<see cref="CheckoutBody"/>), whose stock a refused checkout must leave alone.</summary>
    public const string Sku = "SKU-1001";

    public static async Task AssertRejectedThenKeyStillFreshAsync(CommerceApp app, CheckoutBody body, params string[] errorPaths)
    {
        ArgumentNullException.ThrowIfNull(body);
        var key = CommerceHttp.NewKey();
        await AssertRejectedAsync(app, body.ToJson(), key, errorPaths);
        await AssertKeyStartsAFreshOrderAsync(app, key);
    }

    /// <summary>400 keyed by exactly <paramref name="errorPaths"/>, and nothing stored: no key, no order, no workflow, no stock touched.</summary>
    public static async Task AssertRejectedAsync(CommerceApp app, string json, string? key, params string[] errorPaths)
    {
        ArgumentNullException.ThrowIfNull(app);
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
    public static async Task AssertKeyStartsAFreshOrderAsync(CommerceApp app, string key)
    {
        ArgumentNullException.ThrowIfNull(app);
        var http = app.CreateClient();

        using var response = await http.PostCheckoutAsync(CheckoutBody.Pickup().ToJson(), key);

        var accepted = await response.ReadAcceptedAsync();
        Assert.False(response.Headers.Contains(IdempotencyKey.ReplayedHeader));
        await http.WaitForStatusAsync(accepted.OrderId, OrderStatus.Confirmed);
        await StockLedger.AssertBalancedAsync(app.Get<IInventoryStore>());
    }

    /// <summary>One order for the key: one OrderPlaced on its stream, one workflow, one authorization at the gateway.</summary>
    public static async Task AssertExactlyOneOrderAsync(CommerceApp app, HttpClient http, string orderId)
    {
        ArgumentNullException.ThrowIfNull(app);
        Assert.Single(await http.GetEventsAsync(orderId), e => e.Type == nameof(OrderPlaced));
        Assert.Equal(1, await CountWorkflowsAsync(app));
        var authorization = Assert.Single(await app.Get<SimulatedPaymentGateway>().ListAuthorizationsAsync());
        Assert.Equal(orderId, authorization.OrderId);
        await StockLedger.AssertBalancedAsync(app.Get<IInventoryStore>());
    }

    public static async Task<int> CountWorkflowsAsync(CommerceApp app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var count = 0;
        await foreach (var _ in app.Workflows.GetAllInstancesAsync())
            count++;
        return count;
    }
}
