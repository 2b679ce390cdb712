using System.Net;
using System.Net.Http.Json;
using System.Text;
using AsyncCommerce.Api.Inventory;
using AsyncCommerce.Api.Tests.Support;
using AsyncCommerce.Inventory;
using AsyncCommerce.Orders;
using AsyncCommerce.Testing;

namespace AsyncCommerce.Api.Tests.Inventory;

/// <summary>Inventory administration: stock levels per location, and setting the physical count.</summary>
public sealed class InventoryEndpointsTests
{
    private const string Sku = "SKU-1001";
    private const string Store = OrderScenarios.Store;

    [Fact]
    public async Task GetInventory_SeededSku_ReturnsEveryLocationWithItsCounts()
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();

        using var response = await http.GetAsync(new Uri($"/api/inventory/{Sku}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await JsonShape.ReadAsync(response);
        JsonShape.AssertMembers(body, "sku", "locations");
        Assert.Equal(Sku, body.GetProperty("sku").GetString());
        var locations = body.GetProperty("locations").EnumerateArray().ToList();
        Assert.All(locations, l => JsonShape.AssertMembers(l, "locationId", "onHand", "reserved", "available"));
        Assert.Equal(
            [("dc-001", 200, 0, 200), ("store-001", 25, 0, 25), ("store-002", 25, 0, 25), ("store-003", 25, 0, 25)],
            locations.Select(l => (l.GetProperty("locationId").GetString(), l.GetProperty("onHand").GetInt32(), l.GetProperty("reserved").GetInt32(), l.GetProperty("available").GetInt32())));
    }

    [Fact]
    public async Task GetInventory_WhileAPickupOrderHoldsStock_ShowsItReservedAndNotAvailable()
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();
        await http.PlaceConfirmedPickupAsync();

        var level = await http.GetStockAsync(Sku, Store);

        Assert.Equal(new InventoryLocationResponse(Store, 25, 2, 23, 0), level);
        await StockLedger.AssertBalancedAsync(app.Get<IInventoryStore>());
    }

    [Fact]
    public async Task GetInventory_AfterADeliveryCompletes_OnHandDropsByTheSoldUnits()
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();
        var orderId = await http.PlaceOrderAsync(CheckoutBody.Delivery().WithLines((Sku, 3)));
        await http.WaitForStatusAsync(orderId, OrderStatus.Completed);

        var level = await http.GetStockAsync(Sku, "dc-001");

        Assert.Equal(new InventoryLocationResponse("dc-001", 197, 0, 197, 3), level);
        await StockLedger.AssertBalancedAsync(app.Get<IInventoryStore>());
    }

    [Fact]
    public async Task GetInventory_UnknownSku_Returns404Problem()
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();

        using var response = await http.GetAsync(new Uri("/api/inventory/SKU-9999", UriKind.Relative));

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task SetOnHand_ValidCount_Returns200WithTheLevelAndGetShowsIt()
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();

        using var response = await http.SetOnHandAsync(Sku, Store, 40);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var level = await response.Content.ReadFromJsonAsync<InventoryLocationResponse>(CommerceJsonDefaults.Options);
        Assert.Equal(new InventoryLocationResponse(Store, 40, 0, 40, 0), level);
        Assert.Equal(level, await http.GetStockAsync(Sku, Store));
        await StockLedger.AssertBalancedAsync(app.Get<IInventoryStore>(), new StockSeed(Sku, Store, 40));
    }

    [Fact]
    public async Task SetOnHand_Zero_EmptiesTheLocation()
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();

        using var response = await http.SetOnHandAsync(Sku, "dc-001", 0);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new InventoryLocationResponse("dc-001", 0, 0, 0, 0), await http.GetStockAsync(Sku, "dc-001"));
        await StockLedger.AssertBalancedAsync(app.Get<IInventoryStore>(), new StockSeed(Sku, "dc-001", 0));
    }

    [Fact]
    public async Task SetOnHand_NegativeCount_Returns400KeyedByOnHandAndChangesNothing()
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();

        using var response = await http.SetOnHandAsync(Sku, Store, -1);

        await response.AssertValidationProblemAsync("onHand");
        Assert.Equal(25, (await http.GetStockAsync(Sku, Store)).OnHand);
    }

    [Fact]
    public async Task SetOnHand_MissingCount_Returns400KeyedByOnHand()
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();

        using var response = await http.PutAsJsonAsync(new Uri($"/api/inventory/{Sku}/{Store}", UriKind.Relative), new { });

        await response.AssertValidationProblemAsync("onHand");
        Assert.Equal(25, (await http.GetStockAsync(Sku, Store)).OnHand);
    }

    [Theory]
    [InlineData("\"40\"")]
    [InlineData("4.5")]
    [InlineData("null")]
    public async Task SetOnHand_CountThatIsNotAWholeNumber_Returns400KeyedByOnHand(string onHand)
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();
        using var content = new StringContent($$"""{ "onHand": {{onHand}} }""", Encoding.UTF8, "application/json");

        using var response = await http.PutAsync(new Uri($"/api/inventory/{Sku}/{Store}", UriKind.Relative), content);

        await response.AssertValidationProblemAsync("onHand");
        Assert.Equal(25, (await http.GetStockAsync(Sku, Store)).OnHand);
    }

    [Fact]
    public async Task SetOnHand_UnknownSku_Returns404Problem()
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();

        using var response = await http.SetOnHandAsync("SKU-9999", Store, 10);

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
        using var lookup = await http.GetAsync(new Uri("/api/inventory/SKU-9999", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, lookup.StatusCode);
    }

    [Fact]
    public async Task SetOnHand_UnknownLocation_Returns404Problem()
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();

        using var response = await http.SetOnHandAsync(Sku, "store-999", 10);

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.DoesNotContain((await http.GetInventoryAsync(Sku)).Locations, l => l.LocationId == "store-999");
    }

    [Fact]
    public async Task SetOnHand_BelowTheReservedUnits_Returns409AndKeepsTheCount()
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();
        await http.PlaceConfirmedPickupAsync();

        using var response = await http.SetOnHandAsync(Sku, Store, 1);

        await response.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(new InventoryLocationResponse(Store, 25, 2, 23, 0), await http.GetStockAsync(Sku, Store));
        await StockLedger.AssertBalancedAsync(app.Get<IInventoryStore>());
    }

    [Fact]
    public async Task SetOnHand_EqualToTheReservedUnits_LeavesNothingAvailable()
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();
        await http.PlaceConfirmedPickupAsync();

        using var response = await http.SetOnHandAsync(Sku, Store, 2);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new InventoryLocationResponse(Store, 2, 2, 0, 0), await http.GetStockAsync(Sku, Store));
        await StockLedger.AssertBalancedAsync(app.Get<IInventoryStore>(), new StockSeed(Sku, Store, 2));
    }
}
