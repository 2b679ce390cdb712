using System.Diagnostics;
using System.Net;
using System.Text.Json;
using AsyncCommerce.Api;
using AsyncCommerce.Catalog;
using AsyncCommerce.Inventory;
using AsyncCommerce.Orders;
using AsyncCommerce.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AsyncCommerce.LocalHost.Tests;

/// <summary>The local host's own pipeline: OpenAPI and the API reference, unknown routes, unexpected errors, shutdown.</summary>
public sealed class LocalCommerceHostTests
{
    [Fact]
    public async Task OpenApi_Document_ListsEveryRouteOfTheContract()
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();

        using var response = await http.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var paths = document.RootElement.GetProperty("paths");
        Assert.All(CommerceRoutes.All, route =>
        {
            var path = $"/{CommerceRoutes.Prefix}/{route.Template}";
            Assert.True(paths.TryGetProperty(path, out var item), $"{path} is missing from the OpenAPI document");
            Assert.True(item.TryGetProperty(route.Method.ToLowerInvariant(), out var operation), $"{route.Method} {path} is missing from the OpenAPI document");
            Assert.Equal(route.Name, operation.GetProperty("operationId").GetString());
        });
    }

    [Fact]
    public async Task OpenApi_Document_ListsNothingButTheContract()
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();

        using var document = JsonDocument.Parse(await http.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));

        var documented = document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(operation => $"{operation.Name.ToUpperInvariant()} {path.Name}"));
        var contract = CommerceRoutes.All.Select(route => $"{route.Method} /{CommerceRoutes.Prefix}/{route.Template}");
        Assert.Equal(contract.Order(StringComparer.Ordinal), documented.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ApiReference_AtScalar_AnswersWithHtml()
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();

        using var response = await http.GetAsync(new Uri("/scalar", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<html", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Root_Get_RedirectsToTheApiReference()
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await http.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/scalar", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("/api/nothing-here")]
    [InlineData("/api/checkouts/ord_1/unknown")]
    [InlineData("/not-the-api")]
    public async Task UnknownRoute_Get_Returns404ProblemJson(string path)
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();

        using var response = await http.GetAsync(new Uri(path, UriKind.Relative));

        await response.AssertProblemAsync(HttpStatusCode.NotFound, requireDetail: false);
    }

    [Fact]
    public async Task UnknownRoute_Get_ProblemHasDetail()
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();

        using var response = await http.GetAsync(new Uri("/api/nothing-here", UriKind.Relative));

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task UnexpectedException_InAHandler_Returns500ProblemJson()
    {
        await using var app = new CommerceApp();

        using var response = await GetCatalogWhileItsStoreIsDownAsync(app);

        await response.AssertProblemAsync(HttpStatusCode.InternalServerError, requireDetail: false);
    }

    [Fact]
    public async Task UnexpectedException_InAHandler_ProblemHasDetail()
    {
        await using var app = new CommerceApp();

        using var response = await GetCatalogWhileItsStoreIsDownAsync(app);

        await response.AssertProblemAsync(HttpStatusCode.InternalServerError);
    }

    [Fact]
    public async Task UnexpectedException_InAHandler_DoesNotLeakTheExceptionMessage()
    {
        await using var app = new CommerceApp();

        using var response = await GetCatalogWhileItsStoreIsDownAsync(app);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.DoesNotContain(UnavailableCatalog.Secret, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Host_Dispose_StopsWithinItsShutdownTimeout()
    {
        var app = new CommerceApp();
        var http = app.CreateClient();
        using (var health = await http.GetAsync(new Uri("/api/health", UriKind.Relative)))
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);

        await AssertStopsWithinShutdownTimeoutAsync(app);
    }

    [Fact]
    public async Task Host_DisposeWhileAnOrderIsInFlight_StopsWithinItsShutdownTimeout()
    {
        var app = new CommerceApp(new Dictionary<string, string?> { ["Commerce:Payment:GatewayLatency"] = "00:00:00.150" });
        var http = app.CreateClient();
        await http.PlaceOrderAsync(CheckoutBody.Pickup());
        await StockLedger.AssertBalancedAsync(app.Get<IInventoryStore>());

        await AssertStopsWithinShutdownTimeoutAsync(app);
    }

    [Fact]
    public async Task Host_AfterAnOrderCompletes_StopsWithinItsShutdownTimeout()
    {
        var app = new CommerceApp();
        var http = app.CreateClient();
        var orderId = await http.PlaceOrderAsync(CheckoutBody.Delivery());
        await http.WaitForStatusAsync(orderId, OrderStatus.Completed);
        await StockLedger.AssertBalancedAsync(app.Get<IInventoryStore>());

        await AssertStopsWithinShutdownTimeoutAsync(app);
    }

    /// <summary>Disposes the host and asserts that it stopped (every hosted service, the engine included) before its shutdown timeout forced it to.</summary>
    private static async Task AssertStopsWithinShutdownTimeoutAsync(CommerceApp app)
    {
        var lifetime = app.Get<IHostApplicationLifetime>();
        var timeout = app.Get<IOptions<HostOptions>>().Value.ShutdownTimeout;
        var stopping = Stopwatch.StartNew();

        await app.DisposeAsync();

        Assert.True(lifetime.ApplicationStopped.IsCancellationRequested, "the host never reported it had stopped");
        Assert.True(stopping.Elapsed < timeout, $"stopping took {stopping.Elapsed}: the shutdown timeout ({timeout}) cut it short");
    }

    /// <summary>GET /api/catalog on a host whose catalog store throws: the handler fails with an exception nobody expected.</summary>
    private static Task<HttpResponseMessage> GetCatalogWhileItsStoreIsDownAsync(CommerceApp app) =>
        app.WithServices(services => services.AddSingleton<ICatalog, UnavailableCatalog>())
            .CreateClient()
            .GetAsync(new Uri("/api/catalog", UriKind.Relative));
}
