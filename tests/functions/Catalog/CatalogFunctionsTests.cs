using AsyncCommerce.Catalog;
using AsyncCommerce.Functions.Catalog;
using AsyncCommerce.Functions.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace AsyncCommerce.Functions.Tests.Catalog;

public sealed class CatalogFunctionsTests : IDisposable
{
    private readonly FunctionAppHarness _app = new();

    [Fact]
    public async Task ListCatalog_ReturnsTheSeedCatalog()
    {
        var request = _app.Request("GET", "/api/catalog");

        var response = await (await _app.Functions<CatalogFunctions>().ListCatalog(request, CancellationToken.None)).ExecuteAsync(request);

        Assert.Equal(StatusCodes.Status200OK, response.StatusCode);
        Assert.Equal(SeedData.Items.Count, response.Json.GetArrayLength());
    }

    [Fact]
    public async Task ListStores_ReturnsTheSeedStores()
    {
        var request = _app.Request("GET", "/api/stores");

        var response = await (await _app.Functions<CatalogFunctions>().ListStores(request, CancellationToken.None)).ExecuteAsync(request);

        Assert.Equal(StatusCodes.Status200OK, response.StatusCode);
        Assert.Equal(SeedData.Stores.Select(s => s.StoreId), response.Json.EnumerateArray().Select(s => s.GetProperty("storeId").GetString()));
    }

    public void Dispose() => _app.Dispose();
}
