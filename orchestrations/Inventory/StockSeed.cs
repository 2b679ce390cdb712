namespace AsyncCommerce.Inventory;

/// <summary>Initial physical count of one SKU at one location.</summary>
public sealed record StockSeed(string Sku, string LocationId, int OnHand);
