using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AsyncCommerce.Adapters.Simulated.Payments;
using AsyncCommerce.Api.Http;
using AsyncCommerce.Catalog;
using AsyncCommerce.Inventory;
using AsyncCommerce.LocalHost.Benchmark;
using AsyncCommerce.Orders;
using AsyncCommerce.Payments;
using AsyncCommerce.Testing;

namespace AsyncCommerce.LocalHost.Tests.Benchmark;

/// <summary>The load tool's synchronous baseline: there only when the benchmark setting asks for it, and never documented.</summary>
public sealed class SynchronousCheckoutEndpointTests
{
    private static readonly Dictionary<string, string?> On = new() { [$"{BenchmarkOptions.Section}:{nameof(BenchmarkOptions.SynchronousCheckout)}"] = "true" };

    [Fact]
    public async Task SynchronousCheckout_ByDefault_IsNotMapped()
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();

        using var response = await PostAsync(http, CheckoutBody.Delivery());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task SynchronousCheckout_WhenOn_AnswersWithTheDeliveryOrderCompletedStockSoldAndPaymentCaptured()
    {
        await using var app = new CommerceApp(On);
        var http = app.CreateClient();
        var before = await StockAtFulfillmentCentreAsync(app, "SKU-1002");

        using var response = await PostAsync(http, CheckoutBody.Delivery().WithLines(("SKU-1002", 3)).WithPayments(("card", "tok_decline"), ("wallet", "wal_ok")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = (await response.Content.ReadFromJsonAsync<SynchronousCheckoutResult>(CommerceJson.Options))!;
        Assert.Equal((OrderStatus.Completed, "wallet"), (result.Status, result.PaymentMethod));
        var after = await StockAtFulfillmentCentreAsync(app, "SKU-1002");
        Assert.Equal((before.OnHand - 3, before.Reserved, before.Sold + 3), (after.OnHand, after.Reserved, after.Sold));
        var authorization = Assert.Single(await app.Get<SimulatedPaymentGateway>().ListAuthorizationsAsync());
        Assert.Equal((result.OrderId, "wallet", AuthorizationState.Captured), (authorization.OrderId, authorization.Method, authorization.State));
        var view = await http.GetOrderAsync(result.OrderId);
        Assert.Equal((OrderStatus.Completed, PaymentStatus.Captured), (view!.Status, view.Payment.Status));
    }

    [Fact]
    public async Task SynchronousCheckout_WhenOn_IsAbsentFromTheOpenApiDocument()
    {
        await using var app = new CommerceApp(On);
        var http = app.CreateClient();

        using var document = JsonDocument.Parse(await http.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));

        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(path => path.Name);
        Assert.DoesNotContain(paths, path => path.Contains("synchronous", StringComparison.OrdinalIgnoreCase) || path.StartsWith("/benchmark", StringComparison.Ordinal));
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient http, CheckoutBody body)
    {
        using var content = new StringContent(body.ToJson(), Encoding.UTF8, "application/json");
        return await http.PostAsync(new Uri(SynchronousCheckoutEndpoint.Path, UriKind.Relative), content);
    }

    private static async Task<StockLevel> StockAtFulfillmentCentreAsync(CommerceApp app, string sku) =>
        (await app.Get<IInventoryStore>().GetLevelsAsync(sku)).Single(level => level.LocationId == Locations.FulfillmentCentre);
}
