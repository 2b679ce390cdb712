using System.Text.Json;
using AsyncCommerce.Api;
using AsyncCommerce.Api.Authorization;
using AsyncCommerce.Functions.Http;
using AsyncCommerce.Functions.Tests.Support;
using AsyncCommerce.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace AsyncCommerce.Functions.Tests.Http;

/// <summary>The staff and administration functions ask for the bearer token on top of their function key, as the local host's routes do.</summary>
public sealed class BearerAuthorizationMiddlewareTests : IDisposable
{
    private readonly FunctionAppHarness _app = new();

    [Fact]
    public async Task Invoke_StaffFunctionWithoutToken_Answers401ProblemAndDoesNotRun()
    {
        var (ran, http) = await InvokeAsync(CommerceRoutes.MarkPickupReady, token: null, storeId: "store-001");

        Assert.False(ran);
        Assert.Equal(StatusCodes.Status401Unauthorized, http.Response.StatusCode);
        Assert.StartsWith("application/problem+json", http.Response.ContentType, StringComparison.Ordinal);
        Assert.Equal(401, (await ReadBodyAsync(http)).GetProperty("status").GetInt32());
        Assert.StartsWith(CommerceAccess.BearerScheme, http.Response.Headers.WWWAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_StaffFunctionWithAnotherStoresToken_Answers403ProblemAndDoesNotRun()
    {
        var (ran, http) = await InvokeAsync(CommerceRoutes.MarkPickupReady, TestTokens.ForStores("store-002"), storeId: "store-001");

        Assert.False(ran);
        Assert.Equal(StatusCodes.Status403Forbidden, http.Response.StatusCode);
        Assert.Contains("store-001", (await ReadBodyAsync(http)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_StaffFunctionWithTheStoresToken_Runs()
    {
        var (ran, _) = await InvokeAsync(CommerceRoutes.CollectPickup, TestTokens.ForStores("store-003", "store-001"), storeId: "store-001");

        Assert.True(ran);
    }

    [Fact]
    public async Task Invoke_InventoryFunctionWithoutTheRole_Answers403()
    {
        var (ran, http) = await InvokeAsync(CommerceRoutes.SetStockLevels, TestTokens.Create(["store-001"], [CommerceAccess.Roles.PrivacyAdmin]), storeId: null);

        Assert.False(ran);
        Assert.Equal(StatusCodes.Status403Forbidden, http.Response.StatusCode);
    }

    [Fact]
    public async Task Invoke_InventoryFunctionWithExpiredToken_Answers401()
    {
        var (ran, http) = await InvokeAsync(CommerceRoutes.SetStockOnHand, TestTokens.Expired(), storeId: null);

        Assert.False(ran);
        Assert.Equal(StatusCodes.Status401Unauthorized, http.Response.StatusCode);
    }

    [Fact]
    public async Task Invoke_InventoryFunctionWithTheRole_Runs()
    {
        var (ran, _) = await InvokeAsync(CommerceRoutes.SetStockLevels, TestTokens.WithRoles(CommerceAccess.Roles.InventoryAdmin), storeId: null);

        Assert.True(ran);
    }

    [Fact]
    public async Task Invoke_StorefrontFunctionWithoutToken_Runs()
    {
        var (ran, _) = await InvokeAsync(CommerceRoutes.AcceptCheckout, token: null, storeId: null);

        Assert.True(ran);
    }

    public void Dispose() => _app.Dispose();

    private async Task<(bool Ran, HttpContext Http)> InvokeAsync(ApiRoute route, string? token, string? storeId)
    {
        var http = _app.Request(route.Method, "/api/" + route.Template).HttpContext;

        // As in the worker, the request's services are a scope of the app's (authentication's services are scoped).
        await using var scope = _app.Services.CreateAsyncScope();
        http.RequestServices = scope.ServiceProvider;
        if (token is not null)
            http.Request.Headers.Authorization = $"{CommerceAccess.BearerScheme} {token}";
        var ran = false;
        var middleware = ActivatorUtilities.CreateInstance<BearerAuthorizationMiddleware>(_app.Services);

        await middleware.Invoke(FunctionContextFor(route, http, storeId), _ =>
        {
            ran = true;
            return Task.CompletedTask;
        });
        return (ran, http);
    }

    private static FunctionContext FunctionContextFor(ApiRoute route, HttpContext http, string? storeId)
    {
        // The ASP.NET Core integration keeps the request's HttpContext in the function context's items under this key.
        var items = new Dictionary<object, object> { ["HttpRequestContext"] = http };
        var definition = new Mock<FunctionDefinition>();
        definition.SetupGet(d => d.Name).Returns(route.Name);
        var bindingData = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (storeId is not null)
            bindingData[CommerceRoutes.StoreIdParameter] = storeId;
        var binding = new Mock<BindingContext>();
        binding.SetupGet(b => b.BindingData).Returns(bindingData);
        var context = new Mock<FunctionContext>();
        context.SetupGet(c => c.Items).Returns(items);
        context.SetupGet(c => c.FunctionDefinition).Returns(definition.Object);
        context.SetupGet(c => c.BindingContext).Returns(binding.Object);
        return context.Object;
    }

    private static async Task<JsonElement> ReadBodyAsync(HttpContext http)
    {
        http.Response.Body.Position = 0;
        using var document = await JsonDocument.ParseAsync(http.Response.Body);
        return document.RootElement.Clone();
    }
}
