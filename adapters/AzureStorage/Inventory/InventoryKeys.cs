namespace AsyncCommerce.Adapters.AzureStorage.Inventory;

/// <summary>
/// Where each entity of the inventory table lives. Every partition key starts with its kind, so a location id can
/// never be mistaken for an order id or a SKU.
/// </summary>
internal static class InventoryKeys
{
    /// <summary>The row of an order's partition that names where its reservation is.</summary>
    public const string PinnedLocationRow = "location";

    /// <summary>A location's stock rows and the reservations made there: the unit of an entity-group transaction.</summary>
    public static string LocationPartition(string locationId) => TableKeys.Compose("location", locationId);

    public static string StockRow(string sku) => TableKeys.Compose("stock", sku);

    public static string ReservationRow(string orderId) => TableKeys.Compose("reservation", orderId);

    /// <summary>One small partition per order, so that pins spread over the table instead of heating one partition.</summary>
    public static string OrderPartition(string orderId) => TableKeys.Compose("order", orderId);

    /// <summary>The SKU's index: one row per location that has a stock row for it.</summary>
    public static string SkuPartition(string sku) => TableKeys.Compose("sku", sku);

    public static string IndexRow(string locationId) => TableKeys.Escape(locationId);
}
