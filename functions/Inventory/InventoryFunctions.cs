using AsyncCommerce.Api;
using AsyncCommerce.Api.Inventory;
using AsyncCommerce.Catalog;
using AsyncCommerce.Inventory;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace AsyncCommerce.Functions.Inventory;

/// <summary>Inventory administration routes, behind the inventory-admin key.</summary>
public sealed class InventoryFunctions(ICatalog catalog, IInventoryStore inventory)
{
    [Function(nameof(CommerceRoutes.GetInventory))]
    public async Task<IResult> GetInventory(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = CommerceRoutes.Templates.InventoryItem)] HttpRequest request,
        string sku,
        CancellationToken cancellationToken) =>
        await InventoryEndpoints.GetAsync(sku, inventory, cancellationToken);

    [Function(nameof(CommerceRoutes.SetStockOnHand))]
    public async Task<IResult> SetStockOnHand(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = CommerceRoutes.Templates.InventoryLevel)] HttpRequest request,
        string sku,
        string locationId,
        CancellationToken cancellationToken) =>
        await InventoryEndpoints.SetOnHandAsync(sku, locationId, request, catalog, inventory, cancellationToken);

    [Function(nameof(CommerceRoutes.SetStockLevels))]
    public async Task<IResult> SetStockLevels(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = CommerceRoutes.Templates.Inventory)] HttpRequest request,
        CancellationToken cancellationToken) =>
        await StockLevelsEndpoints.SetLevelsAsync(request, catalog, inventory, cancellationToken);
}
