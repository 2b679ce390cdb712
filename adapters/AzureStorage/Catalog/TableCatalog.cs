using System.Globalization;
using AsyncCommerce.Catalog;
using Azure.Data.Tables;

namespace AsyncCommerce.Adapters.AzureStorage.Catalog;

/// <summary>
/// The catalog and the store directory in one Azure table: partition <c>item</c> (row key: the SKU) and partition
/// <c>store</c> (row key: the store id). Lists come back in the order the entries were seeded, as the in-memory
/// catalog keeps them: each entry stores its position in the list it was seeded from.
/// </summary>
public sealed class TableCatalog : ICatalog
{
    private const string ItemPartition = "item";
    private const string StorePartition = "store";
    private const string Position = nameof(Position);

    private readonly TableClient _table;

    public TableCatalog(TableClient table) => _table = table ?? throw new ArgumentNullException(nameof(table));

    public Task<IReadOnlyList<CatalogItem>> ListItemsAsync(CancellationToken cancellationToken = default) =>
        ListAsync(ItemPartition, ToItem, cancellationToken);

    public async Task<CatalogItem?> FindItemAsync(string sku, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sku);
        return await _table.ReadOrNullAsync<TableEntity>(ItemPartition, TableKeys.Escape(sku), cancellationToken) is { } entity ? ToItem(entity) : null;
    }

    public Task<IReadOnlyList<Store>> ListStoresAsync(CancellationToken cancellationToken = default) =>
        ListAsync(StorePartition, ToStore, cancellationToken);

    public async Task<Store?> FindStoreAsync(string storeId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(storeId);
        return await _table.ReadOrNullAsync<TableEntity>(StorePartition, TableKeys.Escape(storeId), cancellationToken) is { } entity ? ToStore(entity) : null;
    }

    /// <summary>
    /// Adds the items and stores that are not in the table yet, each at its position in its list; existing entries are
    /// left as they are, so a restart never overwrites a live catalog. Returns how many entries were added.
    /// </summary>
    public async Task<int> AddMissingAsync(IEnumerable<CatalogItem> items, IEnumerable<Store> stores, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(stores);
        TableEntity[] entities = [.. items.Select(ToEntity), .. stores.Select(ToEntity)];
        var added = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(entities, parallel, async (entity, token) =>
        {
            if (await _table.TryAddAsync(entity, token))
                Interlocked.Increment(ref added);
        });
        return added;
    }

    private async Task<IReadOnlyList<T>> ListAsync<T>(string partition, Func<TableEntity, T> read, CancellationToken cancellationToken)
    {
        var entities = new List<TableEntity>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), cancellationToken: cancellationToken))
            entities.Add(entity);
        return [.. entities.OrderBy(entity => entity.RequiredInt32(Position)).ThenBy(entity => entity.RowKey, StringComparer.Ordinal).Select(read)];
    }

    private static TableEntity ToEntity(CatalogItem item, int position)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new TableEntity(ItemPartition, TableKeys.Escape(item.Sku))
        {
            [nameof(CatalogItem.Sku)] = item.Sku,
            [nameof(CatalogItem.Name)] = item.Name,
            // Tables has no decimal type and a double would round prices: the exact text it is.
            [nameof(CatalogItem.UnitPrice)] = item.UnitPrice.ToString(CultureInfo.InvariantCulture),
            [nameof(CatalogItem.Currency)] = item.Currency,
            [Position] = position,
        };
    }

    private static TableEntity ToEntity(Store store, int position)
    {
        ArgumentNullException.ThrowIfNull(store);
        return new TableEntity(StorePartition, TableKeys.Escape(store.StoreId))
        {
            [nameof(Store.StoreId)] = store.StoreId,
            [nameof(Store.Name)] = store.Name,
            [nameof(Store.City)] = store.City,
            [Position] = position,
        };
    }

    private static CatalogItem ToItem(TableEntity entity) => new(
        entity.RequiredString(nameof(CatalogItem.Sku)),
        entity.RequiredString(nameof(CatalogItem.Name)),
        decimal.Parse(entity.RequiredString(nameof(CatalogItem.UnitPrice)), NumberStyles.Number, CultureInfo.InvariantCulture),
        entity.RequiredString(nameof(CatalogItem.Currency)));

    private static Store ToStore(TableEntity entity) => new(
        entity.RequiredString(nameof(Store.StoreId)),
        entity.RequiredString(nameof(Store.Name)),
        entity.RequiredString(nameof(Store.City)));
}
