using AsyncCommerce.Api.Authorization;
using AsyncCommerce.Api.Catalog;
using AsyncCommerce.Api.Checkout;
using AsyncCommerce.Api.Health;
using AsyncCommerce.Api.Inventory;
using AsyncCommerce.Api.OpenApi;
using AsyncCommerce.Api.Pickup;
using AsyncCommerce.Api.Privacy;
using AsyncCommerce.Checkout;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AsyncCommerce.Api;

public static class CommerceApiEndpointRouteBuilderExtensions
{
    private const string JsonBody = "application/json";

    /// <summary>Maps every route of <see cref="CommerceRoutes"/> under <c>/api</c> to its handler.</summary>
    public static RouteGroupBuilder MapCommerceApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/" + CommerceRoutes.Prefix);

        // Each handler's Results<...> documents its responses; a body read by hand is declared with Accepts.
        Map(api, CommerceRoutes.AcceptCheckout, CheckoutEndpoints.AcceptAsync).Accepts<CheckoutRequest>(JsonBody)
            .WithMetadata(ContractExamples.PickupCheckout, ContractExamples.DeliveryCheckout);
        Map(api, CommerceRoutes.GetCheckout, CheckoutEndpoints.GetAsync);
        Map(api, CommerceRoutes.GetCheckoutEvents, CheckoutEndpoints.GetEventsAsync);
        Map(api, CommerceRoutes.GetCheckoutNotifications, CheckoutEndpoints.GetNotificationsAsync);
        Map(api, CommerceRoutes.AddPaymentMethod, CheckoutEndpoints.AddPaymentMethodAsync).Accepts<PaymentMethodRequest>(JsonBody)
            .WithMetadata(ContractExamples.AddedPaymentMethod);
        Map(api, CommerceRoutes.CancelCheckout, CheckoutEndpoints.CancelAsync);
        Map(api, CommerceRoutes.ListStorePickups, PickupEndpoints.ListAsync);
        Map(api, CommerceRoutes.MarkPickupReady, PickupEndpoints.MarkReadyAsync);
        Map(api, CommerceRoutes.CollectPickup, PickupEndpoints.CollectAsync).Accepts<CollectPickupRequest>(JsonBody)
            .WithMetadata(ContractExamples.PickupCode);
        Map(api, CommerceRoutes.GetInventory, InventoryEndpoints.GetAsync);
        Map(api, CommerceRoutes.SetStockOnHand, InventoryEndpoints.SetOnHandAsync).Accepts<SetOnHandRequest>(JsonBody)
            .WithMetadata(ContractExamples.Restock);
        Map(api, CommerceRoutes.SetStockLevels, StockLevelsEndpoints.SetLevelsAsync).Accepts<StockLevelsRequest>(JsonBody)
            .WithMetadata(ContractExamples.StockLevels);
        Map(api, CommerceRoutes.ListCatalog, CatalogEndpoints.ListItemsAsync);
        Map(api, CommerceRoutes.ListStores, CatalogEndpoints.ListStoresAsync);
        Map(api, CommerceRoutes.GetHealth, HealthEndpoints.CheckAsync);
        Map(api, CommerceRoutes.GetLiveness, HealthEndpoints.Live);
        Map(api, CommerceRoutes.ErasePersonalData, PrivacyEndpoints.EraseAsync);
        return api;
    }

    private static RouteHandlerBuilder Map(RouteGroupBuilder api, ApiRoute route, Delegate handler)
    {
        var endpoint = api.MapMethods(route.Template, [route.Method], handler)
            .WithName(route.Name)
            .WithTags(route.Audience.ToString());
        return CommerceAccess.PolicyFor(route.Audience) is { } policy ? endpoint.RequireAuthorization(policy) : endpoint;
    }
}
