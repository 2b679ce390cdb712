namespace AsyncCommerce.Catalog;

/// <summary>A sellable item; its price is the only price the server ever charges.</summary>
public sealed record CatalogItem(string Sku, string Name, decimal UnitPrice, string Currency);
