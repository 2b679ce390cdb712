using System.Net;
using System.Text;
using System.Text.Json;
using AsyncCommerce.Adapters.InMemory.Inventory;
using AsyncCommerce.Api.Tests.Support;
using AsyncCommerce.Catalog;
using AsyncCommerce.Inventory;
using AsyncCommerce.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace AsyncCommerce.Api.Tests.Inventory;

/// <summary>PUT /api/inventory: many counts at once, validated whole, idempotent, and with If-None-Match: * a first-day load that never resets live stock.</summary>
public sealed class StockLevelsEndpointsTests
{
    private static readonly Uri Inventory = new("/api/inventory", UriKind.Relative);

    [Fact]
    public async Task SetLevels_InAFreshEnvironment_SetsEveryRowAndTheStockIsThere()
    {
        await using var app = new CommerceApp();
        var fresh = WithoutStock(app);
        var http = fresh.CreateClient();

        using var response = await PutAsync(http, FirstDayStock(), onlyMissing: true);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.All(Outcomes(await JsonShape.ReadAsync(response)), outcome => Assert.Equal("Set", outcome));
        var stock = fresh.Services.GetRequiredService<IInventoryStore>();
        foreach (var seed in SeedData.InitialStock)
            Assert.Equal(seed.OnHand, (await stock.GetLevelsAsync(seed.Sku)).Single(l => l.LocationId == seed.LocationId).OnHand);
    }

    [Fact]
    public async Task SetLevels_WithIfNoneMatchStar_KeepsTheLiveCountOfRowsThatExist()
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();
        (await http.SetOnHandAsync("SKU-1001", "store-001", 7)).EnsureSuccessStatusCode();

        using var response = await PutAsync(http, FirstDayStock(), onlyMissing: true);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.All(Outcomes(await JsonShape.ReadAsync(response)), outcome => Assert.Equal("Kept", outcome));
        Assert.Equal(7, (await http.GetStockAsync("SKU-1001", "store-001")).OnHand);
    }

    [Fact]
    public async Task SetLevels_SentTwice_LeavesTheSameCounts()
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();
        var body = Levels(("SKU-1001", "store-001", 40), ("SKU-1002", "dc-001", 0));

        using var first = await PutAsync(http, body, onlyMissing: false);
        using var second = await PutAsync(http, body, onlyMissing: false);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Equal(40, (await http.GetStockAsync("SKU-1001", "store-001")).OnHand);
        Assert.Equal(0, (await http.GetStockAsync("SKU-1002", "dc-001")).OnHand);
    }

    [Fact]
    public async Task SetLevels_WithInvalidRows_Returns400KeyedByPathAndStoresNothing()
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();
        var body = Levels(("SKU-1001", "store-001", 40), ("SKU-0000", "store-001", 1), ("SKU-1002", "store-999", 1), ("SKU-1003", "dc-001", -1), ("SKU-1001", "store-001", 41));

        using var response = await PutAsync(http, body, onlyMissing: false);

        await response.AssertValidationProblemAsync("levels[1].sku", "levels[2].locationId", "levels[3].onHand", "levels[4]");
        Assert.Equal(SeedData.StoreUnits, (await http.GetStockAsync("SKU-1001", "store-001")).OnHand);
    }

    [Theory]
    [InlineData("""{ "levels": [] }""")]
    [InlineData("""{ }""")]
    public async Task SetLevels_WithoutLevels_Returns400(string body)
    {
        await using var app = new CommerceApp();

        using var response = await PutAsync(app.CreateClient(), body, onlyMissing: false);

        await response.AssertValidationProblemAsync("levels");
    }

    [Fact]
    public async Task SetLevels_NotJson_Returns415()
    {
        await using var app = new CommerceApp();
        using var content = new StringContent("sku,onHand", Encoding.UTF8, "text/csv");

        using var response = await app.CreateClient().PutAsync(Inventory, content);

        await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task SetLevels_BelowTheReservedUnits_Returns409NamingTheRowAndAppliesTheOthers()
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();
        await http.PlaceConfirmedPickupAsync();

        using var response = await PutAsync(http, Levels(("SKU-1001", OrderScenarios.Store, 1), ("SKU-1002", OrderScenarios.Store, 30)), onlyMissing: false);

        var problem = await response.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(["levels[0].onHand"], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        Assert.Equal(SeedData.StoreUnits, (await http.GetStockAsync("SKU-1001", OrderScenarios.Store)).OnHand);
        Assert.Equal(30, (await http.GetStockAsync("SKU-1002", OrderScenarios.Store)).OnHand);
        await StockLedger.AssertBalancedAsync(app.Get<IInventoryStore>(), new StockSeed("SKU-1002", OrderScenarios.Store, 30));
    }

    /// <summary>The host with an inventory that has no row at all: a new environment before its first stock load.</summary>
    private static WebApplicationFactory<Program> WithoutStock(CommerceApp app) =>
        app.WithServices(services => services.AddSingleton<IInventoryStore>(new InMemoryInventoryStore()));

    private static string FirstDayStock() => Levels([.. SeedData.InitialStock.Select(s => (s.Sku, s.LocationId, s.OnHand))]);

    private static string Levels(params (string Sku, string LocationId, int OnHand)[] levels) =>
        JsonSerializer.Serialize(new { levels = levels.Select(l => new { sku = l.Sku, locationId = l.LocationId, onHand = l.OnHand }) });

    private static async Task<HttpResponseMessage> PutAsync(HttpClient http, string body, bool onlyMissing)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, Inventory) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (onlyMissing)
            request.Headers.TryAddWithoutValidation("If-None-Match", "*");
        return await http.SendAsync(request);
    }

    private static List<string> Outcomes(JsonElement response) =>
        [.. response.GetProperty("levels").EnumerateArray().Select(l => l.GetProperty("outcome").GetString()!)];
}
