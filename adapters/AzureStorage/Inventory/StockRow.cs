using AsyncCommerce.Inventory;
using Azure;
using Azure.Data.Tables;

namespace AsyncCommerce.Adapters.AzureStorage.Inventory;

/// <summary>The stock of one SKU at one location, as read (with its ETag) or about to be written.</summary>
internal sealed record StockRow(string Sku, string LocationId, int OnHand, int Reserved, int Sold)
{
    public ETag ETag { get; init; }

    public int Available => OnHand - Reserved;

    public static StockRow Empty(string sku, string locationId) => new(sku, locationId, 0, 0, 0);

    public static StockRow FromEntity(TableEntity entity) => new(
        entity.RequiredString(nameof(Sku)),
        entity.RequiredString(nameof(LocationId)),
        entity.RequiredInt32(nameof(OnHand)),
        entity.RequiredInt32(nameof(Reserved)),
        entity.RequiredInt32(nameof(Sold)))
    {
        ETag = entity.ETag,
    };

    /// <summary>Sets units aside for an order; they stay on hand until sold or released.</summary>
    public StockRow Hold(int quantity) => this with { Reserved = Reserved + quantity };

    /// <summary>Returns an order's held units to available.</summary>
    public StockRow Release(int quantity) => this with { Reserved = Reserved - quantity };

    /// <summary>An order's held units leave the location as sold.</summary>
    public StockRow Sell(int quantity) => this with { OnHand = OnHand - quantity, Reserved = Reserved - quantity, Sold = Sold + quantity };

    public StockLevel ToLevel() => new(Sku, LocationId, OnHand, Reserved, Sold);

    public TableEntity ToEntity() => new(InventoryKeys.LocationPartition(LocationId), InventoryKeys.StockRow(Sku))
    {
        [nameof(Sku)] = Sku,
        [nameof(LocationId)] = LocationId,
        [nameof(OnHand)] = OnHand,
        [nameof(Reserved)] = Reserved,
        [nameof(Sold)] = Sold,
    };

    /// <summary>This row written over the version read, inside a transaction: it fails the whole transaction if the row changed since.</summary>
    public TableTransactionAction ReplaceAction() => new(TableTransactionActionType.UpdateReplace, EnsureInvariant().ToEntity(), ETag);

    /// <summary>The port's invariant, checked before every write: a bug must fail the call, never store oversold stock.</summary>
    public StockRow EnsureInvariant()
    {
        if (OnHand < 0 || Reserved < 0 || Reserved > OnHand || Sold < 0)
            throw new InvalidOperationException($"{Sku} at {LocationId}: refusing to store onHand {OnHand}, reserved {Reserved}, sold {Sold}.");
        return this;
    }
}
