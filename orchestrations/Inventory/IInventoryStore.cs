namespace AsyncCommerce.Inventory;

/// <summary>
/// Port: stock per SKU and location. Invariants every implementation keeps at every moment:
/// <c>0 &lt;= reserved &lt;= onHand</c>, and each order's reservation is held, committed or released exactly once.
/// All order operations are idempotent per order id, because activities run at least once.
/// </summary>
public interface IInventoryStore
{
    /// <summary>Reserves every line at <paramref name="locationId"/> or none of them.</summary>
    Task<ReservationResult> ReserveAsync(string orderId, string locationId, IReadOnlyList<StockLine> lines, CancellationToken cancellationToken = default);

    /// <summary>Returns a held reservation to available stock. False when there was nothing held.</summary>
    Task<bool> ReleaseAsync(string orderId, CancellationToken cancellationToken = default);

    /// <summary>Turns a held reservation into a sale: onHand and reserved both drop by its quantities. False when there was nothing held.</summary>
    Task<bool> CommitAsync(string orderId, CancellationToken cancellationToken = default);

    /// <summary>The SKU's stock at every location; empty when the SKU is not stocked anywhere.</summary>
    Task<IReadOnlyList<StockLevel>> GetLevelsAsync(string sku, CancellationToken cancellationToken = default);

    /// <summary>Sets the physical count (restock or correction).</summary>
    /// <exception cref="StockConflictException">The new count is below what is reserved.</exception>
    Task<StockLevel> SetOnHandAsync(string sku, string locationId, int onHand, CancellationToken cancellationToken = default);
}

public sealed record StockLine(string Sku, int Quantity);

public sealed record StockLevel(string Sku, string LocationId, int OnHand, int Reserved, int Sold)
{
    public int Available => OnHand - Reserved;
}

public sealed record ReservationResult(bool Reserved, IReadOnlyList<string> ShortSkus)
{
    public static ReservationResult Success { get; } = new(true, []);
}

public sealed class StockConflictException : Exception
{
    public StockConflictException()
    {
    }

    public StockConflictException(string message)
        : base(message)
    {
    }

    public StockConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
