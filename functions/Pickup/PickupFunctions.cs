using AsyncCommerce.Api;
using AsyncCommerce.Api.Pickup;
using AsyncCommerce.Catalog;
using AsyncCommerce.Orders;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace AsyncCommerce.Functions.Pickup;

/// <summary>Store staff routes, behind the store-staff key; the shared handlers answer 404 for another store's order.</summary>
public sealed class PickupFunctions(ICatalog catalog, IOrderViewStore views)
{
    [Function(nameof(CommerceRoutes.ListStorePickups))]
    public async Task<IResult> ListStorePickups(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = CommerceRoutes.Templates.StorePickups)] HttpRequest request,
        string storeId,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await PickupEndpoints.ListAsync(storeId, request.Query["status"], catalog, views, cancellationToken);
    }

    [Function(nameof(CommerceRoutes.MarkPickupReady))]
    public async Task<IResult> MarkPickupReady(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = CommerceRoutes.Templates.PickupReady)] HttpRequest request,
        string storeId,
        string orderId,
        [DurableClient] DurableTaskClient workflows,
        CancellationToken cancellationToken) =>
        await PickupEndpoints.MarkReadyAsync(storeId, orderId, views, workflows, cancellationToken);

    [Function(nameof(CommerceRoutes.CollectPickup))]
    public async Task<IResult> CollectPickup(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = CommerceRoutes.Templates.PickupCollect)] HttpRequest request,
        string storeId,
        string orderId,
        [DurableClient] DurableTaskClient workflows,
        CancellationToken cancellationToken) =>
        await PickupEndpoints.CollectAsync(storeId, orderId, request, views, workflows, cancellationToken);
}
