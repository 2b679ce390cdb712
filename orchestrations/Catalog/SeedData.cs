using AsyncCommerce.Inventory;

namespace AsyncCommerce.Catalog;

/// <summary>
/// The demo world every host starts from: three stores, the fulfillment centre, the catalog and stock of
/// every SKU at every location. Any adapter (in memory or a database) loads it from here, so no adapter
/// depends on another for its demo data.
/// </summary>
public static class SeedData
{
    public const string Currency = "USD";

    public const int StoreUnits = 25;

    public const int FulfillmentCentreUnits = 200;

    /// <summary>A limited edition with a handful of units per location, to try the last-unit race and OutOfStock by hand.</summary>
    public const string LimitedEditionSku = "SKU-1013";

    public const int LimitedEditionUnits = 3;

    public static IReadOnlyList<Store> Stores { get; } =
    [
        new("store-001", "Downtown Flagship", "Seattle"),
        new("store-002", "Riverside", "Portland"),
        new("store-003", "Bayview", "San Francisco"),
    ];

    public static IReadOnlyList<CatalogItem> Items { get; } =
    [
        new("SKU-1001", "Trail Running Shoes", 129.99m, Currency),
        new("SKU-1002", "Merino Wool Socks (3-pack)", 24.50m, Currency),
        new("SKU-1003", "Insulated Water Bottle 750 ml", 32.00m, Currency),
        new("SKU-1004", "Lightweight Rain Jacket", 149.00m, Currency),
        new("SKU-1005", "Daypack 28 L", 89.95m, Currency),
        new("SKU-1006", "Rechargeable Headlamp", 39.99m, Currency),
        new("SKU-1007", "Trekking Poles (pair)", 74.50m, Currency),
        new("SKU-1008", "Compact Camp Stove", 59.00m, Currency),
        new("SKU-1009", "Down Sleeping Bag", 219.00m, Currency),
        new("SKU-1010", "Two-Person Tent", 329.99m, Currency),
        new("SKU-1011", "Trail First Aid Kit", 27.49m, Currency),
        new("SKU-1012", "Polarized Sunglasses", 64.00m, Currency),
        new(LimitedEditionSku, "Summit Jacket, Limited Edition", 399.00m, Currency),
    ];

    /// <summary>Every location that holds stock: each store, then the fulfillment centre.</summary>
    public static IReadOnlyList<string> StockLocations { get; } = [.. Stores.Select(store => store.StoreId), Locations.FulfillmentCentre];

    public static IReadOnlyList<StockSeed> InitialStock { get; } =
    [
        .. from item in Items
           from locationId in StockLocations
           select new StockSeed(item.Sku, locationId, UnitsOf(item.Sku, locationId)),
    ];

    private static int UnitsOf(string sku, string locationId)
    {
        if (sku == LimitedEditionSku)
            return LimitedEditionUnits;
        return locationId == Locations.FulfillmentCentre ? FulfillmentCentreUnits : StoreUnits;
    }
}
