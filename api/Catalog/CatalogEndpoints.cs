using AsyncCommerce.Catalog;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AsyncCommerce.Api.Catalog;

public static class CatalogEndpoints
{
    public static async Task<Ok<IReadOnlyList<CatalogItem>>> ListItemsAsync([FromServices] ICatalog catalog, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return TypedResults.Ok(await catalog.ListItemsAsync(cancellationToken));
    }

    public static async Task<Ok<IReadOnlyList<Store>>> ListStoresAsync([FromServices] ICatalog catalog, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return TypedResults.Ok(await catalog.ListStoresAsync(cancellationToken));
    }
}
