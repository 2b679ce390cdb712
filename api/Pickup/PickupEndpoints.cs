using System.Security.Cryptography;
using System.Text;
using AsyncCommerce.Api.Checkout;
using AsyncCommerce.Api.Http;
using AsyncCommerce.Catalog;
using AsyncCommerce.Checkout;
using AsyncCommerce.Orders;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.DurableTask.Client;

namespace AsyncCommerce.Api.Pickup;

/// <summary>Store staff routes. A store sees and acts on its own pickup orders only: another store's order is 404.</summary>
public static class PickupEndpoints
{
    private const int MaxBodyBytes = 4 * 1024;

    public static async Task<Results<Ok<IReadOnlyList<PickupQueueEntry>>, NotFoundProblem, ValidationProblem>> ListAsync(
        string storeId, string? status, [FromServices] ICatalog catalog, [FromServices] IOrderViewStore views, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(views);
        if (await catalog.FindStoreAsync(storeId, cancellationToken) is null)
            return Problems.NotFound($"No store with id '{storeId}'.");

        OrderStatus? filter = null;
        if (!string.IsNullOrEmpty(status))
        {
            if (!Enum.TryParse<OrderStatus>(status, ignoreCase: true, out var parsed) || parsed is not (OrderStatus.Confirmed or OrderStatus.ReadyForPickup))
                return Problems.Validation("status", $"Must be {OrderStatus.Confirmed} or {OrderStatus.ReadyForPickup}.");
            filter = parsed;
        }

        var pickups = await views.ListPickupsAsync(storeId, filter, cancellationToken);
        IReadOnlyList<PickupQueueEntry> queue = [.. pickups.Select(PickupQueueEntry.From)];
        return TypedResults.Ok(queue);
    }

    public static async Task<Results<RequestAcceptedResult, NotFoundProblem, ConflictProblem>> MarkReadyAsync(
        string storeId, string orderId, [FromServices] IOrderViewStore views, [FromServices] DurableTaskClient workflows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workflows);
        var view = await FindStoreOrderAsync(views, storeId, orderId, cancellationToken);
        if (view is null)
            return UnknownPickup(storeId, orderId);
        if (view.Status != OrderStatus.Confirmed)
            return Problems.Conflict($"Order {orderId} is {view.Status}; only a {OrderStatus.Confirmed} order can be marked ready.");

        await workflows.RaiseEventAsync(orderId, ExternalEvents.PickupReady, new PickupReadyNotice(storeId), cancellationToken);
        return CheckoutEndpoints.Accepted(orderId);
    }

    public static async Task<Results<RequestAcceptedResult, BodyRejected, ValidationProblem, NotFoundProblem, ConflictProblem, UnprocessableProblem>> CollectAsync(
        string storeId, string orderId, HttpRequest request, [FromServices] IOrderViewStore views, [FromServices] DurableTaskClient workflows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workflows);
        var body = await JsonRequestBody.ReadAsync<CollectPickupRequest>(request, MaxBodyBytes, cancellationToken);
        if (body.Problem is not null)
            return body.Problem;
        if (string.IsNullOrWhiteSpace(body.Value!.Code))
            return Problems.Validation("code", "The pickup code is required.");

        var view = await FindStoreOrderAsync(views, storeId, orderId, cancellationToken);
        if (view is null)
            return UnknownPickup(storeId, orderId);
        if (view.Status != OrderStatus.ReadyForPickup || view.Pickup?.Code is null)
            return Problems.Conflict($"Order {orderId} is {view.Status}; only a {OrderStatus.ReadyForPickup} order can be collected.");
        if (!CodesMatch(view.Pickup.Code, body.Value.Code.Trim()))
            return Problems.Unprocessable("The pickup code does not match.");

        await workflows.RaiseEventAsync(orderId, ExternalEvents.PickupCollected, new PickupCollection(storeId), cancellationToken);
        return CheckoutEndpoints.Accepted(orderId);
    }

    private static async Task<OrderView?> FindStoreOrderAsync(IOrderViewStore views, string storeId, string orderId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(views);
        var view = await views.GetAsync(orderId, cancellationToken);
        return view is { Fulfillment.Type: FulfillmentType.Pickup } && view.Fulfillment.StoreId == storeId ? view : null;
    }

    // Constant time, so response timing does not reveal how many leading digits were right.
    private static bool CodesMatch(string expected, string given) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(given));

    private static NotFoundProblem UnknownPickup(string storeId, string orderId) =>
        Problems.NotFound($"Store '{storeId}' has no pickup order '{orderId}'.");
}
