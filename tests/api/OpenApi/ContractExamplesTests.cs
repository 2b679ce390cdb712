using System.Net;
using System.Text;
using AsyncCommerce.Api.Checkout;
using AsyncCommerce.Api.OpenApi;
using AsyncCommerce.Api.Tests.Support;
using AsyncCommerce.Testing;

namespace AsyncCommerce.Api.Tests.OpenApi;

/// <summary>The request bodies the document shows work against the seed data, so "try it" in the API reference succeeds the first time.</summary>
public sealed class ContractExamplesTests
{
    [Theory]
    [InlineData("pickup")]
    [InlineData("delivery")]
    public async Task CheckoutExample_Posted_PlacesAnOrder(string name)
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();
        var example = new[] { ContractExamples.PickupCheckout, ContractExamples.DeliveryCheckout }.Single(e => e.Name == name);

        using var response = await http.PostCheckoutAsync(example.Json, ContractExamples.IdempotencyKey);

        var accepted = await response.ReadAcceptedAsync();
        Assert.Equal(accepted.OrderId, (await http.GetOrderAsync(accepted.OrderId))?.OrderId);
    }

    [Fact]
    public async Task AddedPaymentMethodExample_ForAnOrderAwaitingPayment_IsAccepted()
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();
        var orderId = await http.PlaceAwaitingPaymentAsync(CheckoutBody.Pickup());

        using var response = await SendAsync(http, HttpMethod.Post, $"/api/checkouts/{orderId}/payments", ContractExamples.AddedPaymentMethod);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task PickupCodeExample_ForAReadyOrder_IsReadAsACode()
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();
        var (orderId, code) = await http.PlaceReadyPickupAsync();

        using var response = await SendAsync(http, HttpMethod.Post, $"/api/stores/{OrderScenarios.Store}/pickups/{orderId}/collect", ContractExamples.PickupCode);

        // The example cannot know the order's code: it is well formed, and matches only by chance.
        Assert.Equal(code == "123456" ? HttpStatusCode.Accepted : HttpStatusCode.UnprocessableEntity, response.StatusCode);
    }

    [Fact]
    public async Task RestockExample_Put_SetsTheUnitsOnHand()
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();

        using var response = await SendAsync(http, HttpMethod.Put, "/api/inventory/SKU-1001/store-001", ContractExamples.Restock);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(25, (await http.GetStockAsync("SKU-1001", "store-001")).OnHand);
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient http, HttpMethod method, string path, RequestExample example) =>
        http.SendAsync(new HttpRequestMessage(method, path) { Content = new StringContent(example.Json, Encoding.UTF8, "application/json") });
}
