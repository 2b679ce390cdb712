using AsyncCommerce.Catalog;

namespace AsyncCommerce.Testing;

/// <summary>A catalog store that is down: every call throws, as an unexpected dependency failure would.</summary>
public sealed class UnavailableCatalog : ICatalog
{
    /// <summary>Part of every exception message, so a test can check that it never reaches a response.</summary>
    public const string Secret = "catalog-connection-string-secret";

    public Task<IReadOnlyList<CatalogItem>> ListItemsAsync(CancellationToken cancellationToken = default) => throw Failure();

    public Task<CatalogItem?> FindItemAsync(string sku, CancellationToken cancellationToken = default) => throw Failure();

    public Task<IReadOnlyList<Store>> ListStoresAsync(CancellationToken cancellationToken = default) => throw Failure();

    public Task<Store?> FindStoreAsync(string storeId, CancellationToken cancellationToken = default) => throw Failure();

    private static InvalidOperationException Failure() => new($"The catalog store did not answer ({Secret}).");
}
