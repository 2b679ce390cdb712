namespace AsyncCommerce.Catalog;

/// <summary>A physical store that holds stock and serves buy-online-pick-up-in-store orders.</summary>
public sealed record Store(string StoreId, string Name, string City);
