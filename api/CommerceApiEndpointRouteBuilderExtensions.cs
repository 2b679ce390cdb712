using AsyncCommerce.Api.Catalog;
using AsyncCommerce.Api.Checkout;
using AsyncCommerce.Api.Health;
using AsyncCommerce.Api.Inventory;
using AsyncCommerce.Api.Pickup;
using AsyncCommerce.Orders;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AsyncCommerce.Api;

public static class CommerceApiEndpointRouteBuilderExtensions
{
    /// <summary>Maps every route of <see cref="CommerceRoutes"/> under <c>/api</c> to its handler.</summary>
    public static RouteGroupBuilder MapCommerceApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/" + CommerceRoutes.Prefix);

        Map(api, CommerceRoutes.AcceptCheckout, CheckoutEndpoints.AcceptAsync)
            .Accepts<AsyncCommerce.Checkout.CheckoutRequest>("application/json")
            .Produces<CheckoutAccepted>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        Map(api, CommerceRoutes.GetCheckout, CheckoutEndpoints.GetAsync);
        Map(api, CommerceRoutes.GetCheckoutEvents, CheckoutEndpoints.GetEventsAsync);
        Map(api, CommerceRoutes.GetCheckoutNotifications, CheckoutEndpoints.GetNotificationsAsync);
        Map(api, CommerceRoutes.AddPaymentMethod, CheckoutEndpoints.AddPaymentMethodAsync)
            .Accepts<AsyncCommerce.Checkout.PaymentMethodRequest>("application/json")
            .Produces<RequestAccepted>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        Map(api, CommerceRoutes.CancelCheckout, CheckoutEndpoints.CancelAsync)
            .Produces<RequestAccepted>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        Map(api, CommerceRoutes.ListStorePickups, PickupEndpoints.ListAsync);
        Map(api, CommerceRoutes.MarkPickupReady, PickupEndpoints.MarkReadyAsync)
            .Produces<RequestAccepted>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        Map(api, CommerceRoutes.CollectPickup, PickupEndpoints.CollectAsync)
            .Accepts<CollectPickupRequest>("application/json")
            .Produces<RequestAccepted>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        Map(api, CommerceRoutes.GetInventory, InventoryEndpoints.GetAsync);
        Map(api, CommerceRoutes.SetStockOnHand, InventoryEndpoints.SetOnHandAsync)
            .Accepts<SetOnHandRequest>("application/json")
            .Produces<InventoryLocationResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        Map(api, CommerceRoutes.SetStockLevels, StockLevelsEndpoints.SetLevelsAsync)
            .Accepts<StockLevelsRequest>("application/json")
            .Produces<StockLevelsResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        Map(api, CommerceRoutes.ListCatalog, CatalogEndpoints.ListItemsAsync);
        Map(api, CommerceRoutes.ListStores, CatalogEndpoints.ListStoresAsync);
        Map(api, CommerceRoutes.GetHealth, HealthEndpoints.CheckAsync)
            .Produces<HealthReport>(StatusCodes.Status503ServiceUnavailable);
        Map(api, CommerceRoutes.GetLiveness, HealthEndpoints.Live);
        return api;
    }

    private static RouteHandlerBuilder Map(RouteGroupBuilder api, ApiRoute route, Delegate handler) =>
        api.MapMethods(route.Template, [route.Method], handler)
            .WithName(route.Name)
            .WithTags(route.Audience.ToString());
}
