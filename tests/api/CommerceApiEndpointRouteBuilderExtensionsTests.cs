using System.Net;
using System.Text;
using AsyncCommerce.Api.Authorization;
using AsyncCommerce.Api.Checkout;
using AsyncCommerce.Testing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;

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

    [Fact]
    public async Task MapCommerceApi_AuthorizationPolicies_GuardExactlyTheStaffAndAdministrationRoutes()
    {
        await using var app = new CommerceApp();
        _ = app.Server;

        var policies = app.Get<EndpointDataSource>().Endpoints
            .Where(e => e.Metadata.GetMetadata<IEndpointNameMetadata>() is { } name && CommerceRoutes.All.Any(r => r.Name == name.EndpointName))
            .ToDictionary(e => e.Metadata.GetRequiredMetadata<IEndpointNameMetadata>().EndpointName, e => e.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).SingleOrDefault());

        Assert.Equal(CommerceRoutes.All.Count, policies.Count);
        Assert.All(CommerceRoutes.All, route => Assert.Equal(CommerceAccess.PolicyFor(route.Audience), policies[route.Name]));
    }
}
