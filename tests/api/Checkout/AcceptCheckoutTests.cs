using System.Text.Json.Nodes;
using AsyncCommerce.Adapters.Simulated.Payments;
using AsyncCommerce.Api.Checkout;
using AsyncCommerce.Api.Tests.Support;
using AsyncCommerce.Inventory;
using AsyncCommerce.Orders;
using AsyncCommerce.Payments;
using AsyncCommerce.Testing;
using Microsoft.Extensions.DependencyInjection;
using static AsyncCommerce.Api.Tests.Support.CheckoutAcceptanceAssertions;

namespace AsyncCommerce.Api.Tests.Checkout;

/// <summary>POST /api/checkouts accepted: the 202 and its headers, the order it starts, and nothing done beyond placing it.</summary>
public sealed class AcceptCheckoutTests
{
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

    [Fact]
    public async Task Accept_FivePaymentMethods_IsAccepted()
    {
        await using var app = new CommerceApp();
        var body = CheckoutBody.Pickup().WithPayments([.. Enumerable.Repeat(("card", "tok_visa"), 5)]);

        using var response = await app.CreateClient().PostCheckoutAsync(body);

        await response.ReadAcceptedAsync();
        await StockLedger.AssertBalancedAsync(app.Get<IInventoryStore>());
    }
}
