using AsyncCommerce.Api.Inventory;
using AsyncCommerce.Api.Tests.Support;
using AsyncCommerce.Inventory;
using AsyncCommerce.Orders;
using AsyncCommerce.Testing;

namespace AsyncCommerce.Api.Tests.Checkout;

/// <summary>Workflow rule 5 through the API: concurrent checkouts for the last units never oversell.</summary>
public sealed class CheckoutConcurrencyTests
{
    private const string Sku = "SKU-1005";
    private const string Store = "store-002";

    [Fact]
    public async Task Checkout_TwentyConcurrentOrdersForFiveUnits_ConfirmsFiveAndRejectsFifteenOutOfStock()
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();
        await RestockAsync(http, units: 5);

        var outcomes = await PlaceConcurrentlyAsync(http, orders: 20);

        Assert.Equal(5, outcomes.Count(o => o.Status == OrderStatus.Confirmed));
        Assert.Equal(15, outcomes.Count(o => o is { Status: OrderStatus.Rejected, StatusReason: StatusReason.OutOfStock }));
        Assert.All(outcomes.Where(o => o.Status == OrderStatus.Rejected), o => Assert.Empty(o.Payment.Attempts));
        await StockLedger.AssertBalancedAsync(app.Get<IInventoryStore>(), new StockSeed(Sku, Store, 5));
    }

    [Fact]
    public async Task Checkout_TwentyConcurrentOrdersForFiveUnits_KeepsTheStockBalanced()
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();
        await RestockAsync(http, units: 5);

        await PlaceConcurrentlyAsync(http, orders: 20);

        var level = await http.GetStockAsync(Sku, Store);
        Assert.Equal(new InventoryLocationResponse(Store, OnHand: 5, Reserved: 5, Available: 0, Sold: 0), level);
        Assert.Equal(level.OnHand, level.Available + level.Reserved);
        Assert.Equal(5, level.Available + level.Reserved + level.Sold);
        await StockLedger.AssertBalancedAsync(app.Get<IInventoryStore>(), new StockSeed(Sku, Store, 5));
    }

    [Fact]
    public async Task Checkout_ConcurrentOrdersForTheLastUnitThenCollection_SellsItExactlyOnce()
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();
        await RestockAsync(http, units: 1);
        var outcomes = await PlaceConcurrentlyAsync(http, orders: 5);
        var winner = Assert.Single(outcomes, o => o.Status == OrderStatus.Confirmed);

        using (var ready = await http.MarkPickupReadyAsync(Store, winner.OrderId))
            Assert.Equal(System.Net.HttpStatusCode.Accepted, ready.StatusCode);
        var code = (await http.WaitForStatusAsync(winner.OrderId, OrderStatus.ReadyForPickup)).Pickup!.Code!;
        using (var collect = await http.CollectPickupAsync(Store, winner.OrderId, code))
            Assert.Equal(System.Net.HttpStatusCode.Accepted, collect.StatusCode);
        await http.WaitForStatusAsync(winner.OrderId, OrderStatus.Completed);

        Assert.Equal(new InventoryLocationResponse(Store, OnHand: 0, Reserved: 0, Available: 0, Sold: 1), await http.GetStockAsync(Sku, Store));
        await StockLedger.AssertBalancedAsync(app.Get<IInventoryStore>(), new StockSeed(Sku, Store, 1));
    }

    private static async Task RestockAsync(HttpClient http, int units)
    {
        using var response = await http.SetOnHandAsync(Sku, Store, units);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Places <paramref name="orders"/> one-unit pickups at once (each with its own key) and waits for each to settle.</summary>
    private static async Task<OrderView[]> PlaceConcurrentlyAsync(HttpClient http, int orders)
    {
        var body = CheckoutBody.Pickup(Store).WithLines((Sku, 1));
        var orderIds = await Task.WhenAll(Enumerable.Range(0, orders).Select(_ => http.PlaceOrderAsync(body)));
        return await Task.WhenAll(orderIds.Select(orderId => Eventually.UntilAsync(
            async () => (await http.GetOrderAsync(orderId))!,
            view => view.Status is OrderStatus.Confirmed or OrderStatus.Rejected,
            $"order {orderId} to be confirmed or rejected")));
    }
}
