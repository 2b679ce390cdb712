namespace AsyncCommerce.Api;

/// <summary>
/// Every route of the HTTP contract, declared once. Templates are constants so that Functions trigger
/// attributes can use them; both hosts serve them under <see cref="Prefix"/>.
/// </summary>
public static class CommerceRoutes
{
    public const string Prefix = "api";

    /// <summary>The route parameter naming the store a store-staff route acts for; authorization compares it with the token's stores.</summary>
    public const string StoreIdParameter = "storeId";

    public static class Templates
    {
        public const string Checkouts = "checkouts";
        public const string Checkout = "checkouts/{orderId}";
        public const string CheckoutEvents = "checkouts/{orderId}/events";
        public const string CheckoutNotifications = "checkouts/{orderId}/notifications";
        public const string CheckoutPayments = "checkouts/{orderId}/payments";
        public const string CheckoutCancel = "checkouts/{orderId}/cancel";
        public const string StorePickups = "stores/{" + StoreIdParameter + "}/pickups";
        public const string PickupReady = StorePickups + "/{orderId}/ready";
        public const string PickupCollect = StorePickups + "/{orderId}/collect";
        public const string Inventory = "inventory";
        public const string InventoryItem = "inventory/{sku}";
        public const string InventoryLevel = "inventory/{sku}/{locationId}";
        public const string Catalog = "catalog";
        public const string Stores = "stores";
        public const string Health = "health";
        public const string Liveness = "health/live";
        public const string CustomerPersonalData = "customers/{customerId}/personal-data";
    }

    public static readonly ApiRoute AcceptCheckout = new(nameof(AcceptCheckout), "POST", Templates.Checkouts, ApiAudience.Storefront);
    public static readonly ApiRoute GetCheckout = new(nameof(GetCheckout), "GET", Templates.Checkout, ApiAudience.Storefront);
    public static readonly ApiRoute GetCheckoutEvents = new(nameof(GetCheckoutEvents), "GET", Templates.CheckoutEvents, ApiAudience.Storefront);
    public static readonly ApiRoute GetCheckoutNotifications = new(nameof(GetCheckoutNotifications), "GET", Templates.CheckoutNotifications, ApiAudience.Storefront);
    public static readonly ApiRoute AddPaymentMethod = new(nameof(AddPaymentMethod), "POST", Templates.CheckoutPayments, ApiAudience.Storefront);
    public static readonly ApiRoute CancelCheckout = new(nameof(CancelCheckout), "POST", Templates.CheckoutCancel, ApiAudience.Storefront);
    public static readonly ApiRoute ListStorePickups = new(nameof(ListStorePickups), "GET", Templates.StorePickups, ApiAudience.StoreStaff);
    public static readonly ApiRoute MarkPickupReady = new(nameof(MarkPickupReady), "POST", Templates.PickupReady, ApiAudience.StoreStaff);
    public static readonly ApiRoute CollectPickup = new(nameof(CollectPickup), "POST", Templates.PickupCollect, ApiAudience.StoreStaff);
    public static readonly ApiRoute GetInventory = new(nameof(GetInventory), "GET", Templates.InventoryItem, ApiAudience.InventoryAdmin);
    public static readonly ApiRoute SetStockOnHand = new(nameof(SetStockOnHand), "PUT", Templates.InventoryLevel, ApiAudience.InventoryAdmin);
    public static readonly ApiRoute SetStockLevels = new(nameof(SetStockLevels), "PUT", Templates.Inventory, ApiAudience.InventoryAdmin);
    public static readonly ApiRoute ListCatalog = new(nameof(ListCatalog), "GET", Templates.Catalog, ApiAudience.Storefront);
    public static readonly ApiRoute ListStores = new(nameof(ListStores), "GET", Templates.Stores, ApiAudience.Storefront);
    public static readonly ApiRoute GetHealth = new(nameof(GetHealth), "GET", Templates.Health, ApiAudience.Anonymous);
    public static readonly ApiRoute GetLiveness = new(nameof(GetLiveness), "GET", Templates.Liveness, ApiAudience.Anonymous);
    public static readonly ApiRoute ErasePersonalData = new(nameof(ErasePersonalData), "DELETE", Templates.CustomerPersonalData, ApiAudience.PrivacyAdmin);

    public static IReadOnlyList<ApiRoute> All { get; } =
    [
        AcceptCheckout, GetCheckout, GetCheckoutEvents, GetCheckoutNotifications, AddPaymentMethod, CancelCheckout,
        ListStorePickups, MarkPickupReady, CollectPickup, GetInventory, SetStockOnHand, SetStockLevels, ListCatalog, ListStores, GetHealth, GetLiveness,
        ErasePersonalData,
    ];

    public static string CheckoutUrl(string orderId) => $"/{Prefix}/checkouts/{Uri.EscapeDataString(orderId)}";
}

/// <param name="Name">The endpoint (and Functions function) name.</param>
public sealed record ApiRoute(string Name, string Method, string Template, ApiAudience Audience);

/// <summary>
/// Who calls a route: callers of different audiences never share a key. Store staff and the administrators also show a
/// bearer token (<see cref="Authorization.CommerceAccess.PolicyFor"/>).
/// </summary>
public enum ApiAudience
{
    Storefront,
    StoreStaff,
    InventoryAdmin,
    Anonymous,

    /// <summary>Whoever carries out customers' privacy requests (erasure); never a storefront.</summary>
    PrivacyAdmin,
}
