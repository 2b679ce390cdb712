using System.Net;
using System.Net.Http.Json;
using AsyncCommerce.Adapters.InMemory;
using AsyncCommerce.Api.Authorization;
using AsyncCommerce.Api.Http;
using AsyncCommerce.Api.Tests.Support;
using AsyncCommerce.Orders;
using AsyncCommerce.Testing;

namespace AsyncCommerce.Api.Tests.Authorization;

/// <summary>
/// Every store staff and administration route (<see cref="CommerceAccess.PolicyFor"/>) refuses a caller it should not
/// serve, with a problem, and nothing changes behind the refusal.
/// </summary>
public sealed class GuardedRoutesTests(GuardedRoutesTests.Orders orders) : IClassFixture<GuardedRoutesTests.Orders>
{
    private const string Store = OrderScenarios.Store;
    private const string OtherStore = "store-002";
    private const string Sku = "SKU-1001";

    public static TheoryData<string> DeniedCallers { get; } = ["no token", "expired token", "token signed by someone else", "token for another store or without the role"];

    [Theory]
    [MemberData(nameof(DeniedCallers))]
    public async Task GuardedRoutes_DeniedCaller_AnswerTheirProblemAndChangeNothing(string caller)
    {
        var operatorHttp = orders.App.CreateClient();
        var stockBefore = await operatorHttp.GetStockAsync(Sku, Store);
        var otherStockBefore = await operatorHttp.GetStockAsync(Sku, OtherStore);
        var guarded = CommerceRoutes.All.Where(r => CommerceAccess.PolicyFor(r.Audience) is not null).ToList();

        foreach (var route in guarded)
        {
            var (token, status) = Caller(caller, route);
            using var http = orders.App.CreateClient().WithToken(token);
            using var response = await http.SendAsync(Request(route));

            var problem = await response.AssertProblemAsync(status);
            Assert.True(problem.GetProperty("detail").GetString()!.Length > 0, route.Name);
            if (status == HttpStatusCode.Unauthorized)
                Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == CommerceAccess.BearerScheme);
        }

        Assert.Equal(OrderStatus.Confirmed, (await operatorHttp.GetOrderAsync(orders.Confirmed))!.Status);
        Assert.Equal(OrderStatus.ReadyForPickup, (await operatorHttp.GetOrderAsync(orders.Ready))!.Status);
        Assert.Equal(stockBefore, await operatorHttp.GetStockAsync(Sku, Store));
        Assert.Equal(otherStockBefore, await operatorHttp.GetStockAsync(Sku, OtherStore));
    }

    [Fact]
    public async Task MarkReady_StaffOfTheStore_IsAccepted()
    {
        var http = orders.App.CreateClient().WithToken(TestTokens.ForStores(Store));
        var orderId = await http.PlaceConfirmedPickupAsync();

        using var response = await http.MarkPickupReadyAsync(Store, orderId);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await http.WaitForStatusAsync(orderId, OrderStatus.ReadyForPickup);
    }

    [Fact]
    public async Task ListPickups_TokenNamingSeveralStores_ServesEachOfThem()
    {
        using var http = orders.App.CreateClient().WithToken(TestTokens.ForStores(OtherStore, Store));

        using var own = await http.GetAsync(new Uri($"/api/stores/{Store}/pickups", UriKind.Relative));
        using var other = await http.GetAsync(new Uri($"/api/stores/{OtherStore}/pickups", UriKind.Relative));
        using var third = await http.GetAsync(new Uri("/api/stores/store-003/pickups", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        await third.AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task SetStockOnHand_RoleInTheClaimUserJwtsWrites_IsServed()
    {
        // dotnet user-jwts --role writes "role"; Entra ID writes "roles". Both are the same role to the API.
        using var http = orders.App.CreateClient().WithToken(TestTokens.Create(roles: [CommerceAccess.Roles.InventoryAdmin], roleClaim: "role"));

        using var response = await http.SetOnHandAsync("SKU-1002", "store-003", 40);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task StorefrontRoutes_WithoutToken_AreServed()
    {
        using var http = orders.App.CreateClient().WithToken(null);

        using var order = await http.GetAsync(new Uri($"/api/checkouts/{orders.Confirmed}", UriKind.Relative));
        using var catalog = await http.GetAsync(new Uri("/api/catalog", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, order.StatusCode);
        Assert.Equal(HttpStatusCode.OK, catalog.StatusCode);
    }

    [Fact]
    public async Task GuardedRoutes_AuthorizationSwitchedOff_ServeCallersWithoutToken()
    {
        await using var app = new CommerceApp(new Dictionary<string, string?> { [$"{CommerceAuthorizationOptions.Section}:Enabled"] = "false" });
        using var http = app.CreateClient().WithToken(null);

        using var queue = await http.GetAsync(new Uri($"/api/stores/{Store}/pickups", UriKind.Relative));
        using var restock = await http.SetOnHandAsync(Sku, "store-003", 50);

        Assert.Equal(HttpStatusCode.OK, queue.StatusCode);
        Assert.Equal(HttpStatusCode.OK, restock.StatusCode);
    }

    private static (string? Token, HttpStatusCode Status) Caller(string caller, ApiRoute route)
    {
        var everyStore = SeedData.Stores.Select(s => s.StoreId).ToArray();
        return caller switch
        {
            "no token" => (null, HttpStatusCode.Unauthorized),
            "expired token" => (TestTokens.Expired(), HttpStatusCode.Unauthorized),
            "token signed by someone else" => (TestTokens.Create(everyStore, CommerceAccess.Roles.All, signingKey: new byte[32]), HttpStatusCode.Unauthorized),

            // Everything but what this route needs: another store for a store's route, the other roles for an administrator's.
            _ => route.Audience == ApiAudience.StoreStaff
                ? (TestTokens.Create([OtherStore], CommerceAccess.Roles.All), HttpStatusCode.Forbidden)
                : (TestTokens.Create(everyStore, CommerceAccess.Roles.All.Where(r => r != CommerceAccess.RoleFor(route.Audience))), HttpStatusCode.Forbidden),
        };
    }

    // A request each route would serve for the operator, so a refusal is the token's doing alone.
    private HttpRequestMessage Request(ApiRoute route) => route.Name switch
    {
        nameof(CommerceRoutes.ListStorePickups) => new(HttpMethod.Get, $"/api/stores/{Store}/pickups"),
        nameof(CommerceRoutes.MarkPickupReady) => new(HttpMethod.Post, $"/api/stores/{Store}/pickups/{orders.Confirmed}/ready") { Content = JsonContent.Create(new { }) },
        nameof(CommerceRoutes.CollectPickup) => new(HttpMethod.Post, $"/api/stores/{Store}/pickups/{orders.Ready}/collect") { Content = JsonContent.Create(new { code = orders.ReadyCode }) },
        nameof(CommerceRoutes.GetInventory) => new(HttpMethod.Get, $"/api/inventory/{Sku}"),
        nameof(CommerceRoutes.SetStockOnHand) => new(HttpMethod.Put, $"/api/inventory/{Sku}/{Store}") { Content = JsonContent.Create(new { onHand = 1 }) },
        nameof(CommerceRoutes.SetStockLevels) => new(HttpMethod.Put, "/api/inventory")
        {
            Content = JsonContent.Create(new { levels = new[] { new { sku = Sku, locationId = OtherStore, onHand = 1 } } }, options: CommerceJson.Options),
        },
        nameof(CommerceRoutes.ErasePersonalData) => new(HttpMethod.Delete, "/api/customers/cust-guarded/personal-data"),
        _ => throw new InvalidOperationException($"Guarded route {route.Name} has no request in this test: add one, so its refusals are tested too."),
    };

    /// <summary>One host for the class, with a confirmed and a ready pickup order at the store.</summary>
    public sealed class Orders : IAsyncLifetime
    {
        public CommerceApp App { get; } = new();

        public string Confirmed { get; private set; } = "";

        public string Ready { get; private set; } = "";

        public string ReadyCode { get; private set; } = "";

        public async Task InitializeAsync()
        {
            var http = App.CreateClient();
            Confirmed = await http.PlaceConfirmedPickupAsync();
            (Ready, ReadyCode) = await http.PlaceReadyPickupAsync();
        }

        public async Task DisposeAsync() => await App.DisposeAsync();
    }
}
