namespace AsyncCommerce.Catalog;

/// <summary>A fixed catalog and store directory, loaded once (from <see cref="SeedData"/> in a host).</summary>
public sealed class FixedCatalog : ICatalog
{
    private readonly IReadOnlyList<CatalogItem> _items;
    private readonly IReadOnlyList<Store> _stores;
    private readonly Dictionary<string, CatalogItem> _itemsBySku;
    private readonly Dictionary<string, Store> _storesById;

    public FixedCatalog(IEnumerable<CatalogItem> items, IEnumerable<Store> stores)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(stores);
        _items = [.. items];
        _stores = [.. stores];
        _itemsBySku = _items.ToDictionary(item => item.Sku, StringComparer.Ordinal);
        _storesById = _stores.ToDictionary(store => store.StoreId, StringComparer.Ordinal);
    }

    public Task<IReadOnlyList<CatalogItem>> ListItemsAsync(CancellationToken cancellationToken = default) => Task.FromResult(_items);

    public Task<CatalogItem?> FindItemAsync(string sku, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sku);
        return Task.FromResult(_itemsBySku.GetValueOrDefault(sku));
    }

    public Task<IReadOnlyList<Store>> ListStoresAsync(CancellationToken cancellationToken = default) => Task.FromResult(_stores);

    public Task<Store?> FindStoreAsync(string storeId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(storeId);
        return Task.FromResult(_storesById.GetValueOrDefault(storeId));
    }
}
