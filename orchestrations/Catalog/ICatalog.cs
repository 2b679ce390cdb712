namespace AsyncCommerce.Catalog;

/// <summary>Port: the product catalog and the store directory.</summary>
public interface ICatalog
{
    Task<IReadOnlyList<CatalogItem>> ListItemsAsync(CancellationToken cancellationToken = default);

    Task<CatalogItem?> FindItemAsync(string sku, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Store>> ListStoresAsync(CancellationToken cancellationToken = default);

    Task<Store?> FindStoreAsync(string storeId, CancellationToken cancellationToken = default);
}
