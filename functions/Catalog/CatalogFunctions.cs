using AsyncCommerce.Api;
using AsyncCommerce.Api.Catalog;
using AsyncCommerce.Catalog;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace AsyncCommerce.Functions.Catalog;

/// <summary>The storefront's reference data: the catalog and the stores.</summary>
public sealed class CatalogFunctions(ICatalog catalog)
{
    [Function(nameof(CommerceRoutes.ListCatalog))]
    public async Task<IResult> ListCatalog(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = CommerceRoutes.Templates.Catalog)] HttpRequest request,
        CancellationToken cancellationToken) =>
        await CatalogEndpoints.ListItemsAsync(catalog, cancellationToken);

    [Function(nameof(CommerceRoutes.ListStores))]
    public async Task<IResult> ListStores(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = CommerceRoutes.Templates.Stores)] HttpRequest request,
        CancellationToken cancellationToken) =>
        await CatalogEndpoints.ListStoresAsync(catalog, cancellationToken);
}
