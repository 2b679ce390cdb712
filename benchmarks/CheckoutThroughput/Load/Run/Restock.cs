using AsyncCommerce.Benchmarks.CheckoutThroughput.Load.Api;
using AsyncCommerce.Catalog;

namespace AsyncCommerce.Benchmarks.CheckoutThroughput.Load.Run;

/// <summary>
/// Stock at the contract's ceiling for every SKU at every store and the fulfillment centre before the run: the run
/// measures checkouts, not OutOfStock rejections.
/// </summary>
internal static class Restock
{
    private const int OnHand = 1_000_000;

    public static Task RunAsync(CommerceClient client, IReadOnlyList<CatalogEntry> catalog, IReadOnlyList<StoreEntry> stores, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var locations = stores.Select(s => s.StoreId).Append(Locations.FulfillmentCentre).Distinct(StringComparer.Ordinal);
        var levels = locations.SelectMany(location => catalog.Select(item => (item.Sku, location, OnHand)));
        return client.SetStockLevelsAsync(levels, cancellationToken);
    }
}
