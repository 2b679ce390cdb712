using AsyncCommerce.Functions.Inventory;
using AsyncCommerce.Functions.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace AsyncCommerce.Functions.Tests.Inventory;

public sealed class InventoryFunctionsTests : IDisposable
{
    private readonly FunctionAppHarness _app = new();

    private InventoryFunctions Functions => _app.Functions<InventoryFunctions>();

    [Fact]
    public async Task GetInventory_UnknownSku_Returns404()
    {
        var request = _app.Request("GET", "/api/inventory/SKU-0000");

        var response = await (await Functions.GetInventory(request, "SKU-0000", CancellationToken.None)).ExecuteAsync(request);

        Assert.Equal(StatusCodes.Status404NotFound, response.StatusCode);
        Assert.StartsWith("application/problem+json", response.ContentType, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetInventory_StockedSku_Returns200WithEveryLocation()
    {
        var request = _app.Request("GET", "/api/inventory/SKU-1001");

        var response = await (await Functions.GetInventory(request, "SKU-1001", CancellationToken.None)).ExecuteAsync(request);

        Assert.Equal(StatusCodes.Status200OK, response.StatusCode);
        var locations = response.Json.GetProperty("locations").EnumerateArray().Select(l => l.GetProperty("locationId").GetString()).ToList();
        Assert.Contains("dc-001", locations);
        Assert.Contains("store-001", locations);
    }

    [Fact]
    public async Task SetStockOnHand_KnownSkuAndLocation_Returns200WithTheNewCount()
    {
        var request = _app.Request("PUT", "/api/inventory/SKU-1002/store-002", """{ "onHand": 40 }""");

        var response = await (await Functions.SetStockOnHand(request, "SKU-1002", "store-002", CancellationToken.None)).ExecuteAsync(request);

        Assert.Equal(StatusCodes.Status200OK, response.StatusCode);
        Assert.Equal(40, response.Json.GetProperty("onHand").GetInt32());
    }

    [Fact]
    public async Task SetStockLevels_OnlyMissingRows_KeepsTheLiveCountsAndSetsNoneInASeededApp()
    {
        var request = _app.Request("PUT", "/api/inventory", """{ "levels": [ { "sku": "SKU-1003", "locationId": "dc-001", "onHand": 5 } ] }""");
        request.Headers.IfNoneMatch = "*";

        var response = await (await Functions.SetStockLevels(request, CancellationToken.None)).ExecuteAsync(request);

        Assert.Equal(StatusCodes.Status200OK, response.StatusCode);
        var level = Assert.Single(response.Json.GetProperty("levels").EnumerateArray());
        Assert.Equal("Kept", level.GetProperty("outcome").GetString());
        Assert.NotEqual(5, level.GetProperty("onHand").GetInt32());
    }

    [Fact]
    public async Task SetStockLevels_UnknownLocation_Returns400KeyedByPath()
    {
        var request = _app.Request("PUT", "/api/inventory", """{ "levels": [ { "sku": "SKU-1003", "locationId": "store-999", "onHand": 5 } ] }""");

        var response = await (await Functions.SetStockLevels(request, CancellationToken.None)).ExecuteAsync(request);

        Assert.Equal(StatusCodes.Status400BadRequest, response.StatusCode);
        Assert.StartsWith("application/problem+json", response.ContentType, StringComparison.Ordinal);
        Assert.True(response.Json.GetProperty("errors").TryGetProperty("levels[0].locationId", out _), response.Body);
    }

    public void Dispose() => _app.Dispose();
}
