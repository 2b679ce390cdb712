using System.Net;
using System.Text;
using AsyncCommerce.Api.Checkout;
using AsyncCommerce.Testing;

namespace AsyncCommerce.Api.Tests;

/// <summary>Every route of <see cref="CommerceRoutes.All"/> reaches its handler under <c>/api</c>.</summary>
public sealed class CommerceApiEndpointRouteBuilderExtensionsTests
{
    public static TheoryData<string> RouteNames { get; } = new(CommerceRoutes.All.Select(route => route.Name));

    [Theory]
    [MemberData(nameof(RouteNames))]
    public async Task MapCommerceApi_EveryRoute_IsAnsweredByItsHandler(string routeName)
    {
        await using var app = new CommerceApp();
        var route = CommerceRoutes.All.Single(r => r.Name == routeName);
        var path = "/" + CommerceRoutes.Prefix + "/" + route.Template
            .Replace("{orderId}", "ord_not_there", StringComparison.Ordinal)
            .Replace("{storeId}", "store-001", StringComparison.Ordinal)
            .Replace("{sku}", "SKU-1001", StringComparison.Ordinal)
            .Replace("{locationId}", "store-001", StringComparison.Ordinal);
        using var request = new HttpRequestMessage(new HttpMethod(route.Method), path);
        if (route.Method is "POST" or "PUT")
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        request.Headers.Add(IdempotencyKey.Header, CommerceHttp.NewKey());

        using var response = await app.CreateClient().SendAsync(request);

        // The handlers' own 404s say what was not found; the router's say nothing.
        Assert.NotEqual(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        if (response.StatusCode == HttpStatusCode.NotFound)
            await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }
}
