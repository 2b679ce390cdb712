using AsyncCommerce.Inventory;

namespace AsyncCommerce.Adapters.InMemory.Inventory;

/// <summary>
/// Stock per SKU and location, and each order's reservation, kept in memory.
/// </summary>
public sealed class InMemoryInventoryStore : IInventoryStore
{
    // One lock over every row: a reservation checks and takes several rows as one step, which is what
    // keeps 0 <= reserved <= onHand true for every observer. Correctness over throughput here.
    private readonly Lock _gate = new();
    private readonly Dictionary<StockKey, StockLevel> _levels = [];
    private readonly Dictionary<string, Reservation> _reservations = new(StringComparer.Ordinal);

    public InMemoryInventoryStore()
    {
    }

    public InMemoryInventoryStore(IEnumerable<StockSeed> stock) => Seed(stock);

    /// <summary>Sets the physical count of each row given, creating rows as needed.</summary>
    public void Seed(IEnumerable<StockSeed> stock)
    {
        ArgumentNullException.ThrowIfNull(stock);
        lock (_gate)
        {
            foreach (var row in stock)
                SetOnHandLocked(row.Sku, row.LocationId, row.OnHand);
        }
    }

    public Task<ReservationResult> ReserveAsync(string orderId, string locationId, IReadOnlyList<StockLine> lines, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(orderId);
        ArgumentException.ThrowIfNullOrEmpty(locationId);
        var wanted = StockLines.PerSku(lines);
        cancellationToken.ThrowIfCancellationRequested();

        lock (_gate)
        {
            // The first decision for an order stands (held, committed, released or refused): a re-run
            // activity must see what the first run saw, never a second hold nor a late one.
            if (_reservations.TryGetValue(orderId, out var existing))
                return Task.FromResult(existing.Outcome);

            var shortSkus = wanted.Where(line => AvailableLocked(line.Sku, locationId) < line.Quantity).Select(line => line.Sku).ToArray();
            if (shortSkus.Length > 0)
            {
                var refused = new ReservationResult(false, shortSkus);
                _reservations[orderId] = new Reservation(locationId, wanted, ReservationState.Refused, refused);
                return Task.FromResult(refused);
            }

            foreach (var line in wanted)
                Adjust(line.Sku, locationId, level => level with { Reserved = level.Reserved + line.Quantity });
            _reservations[orderId] = new Reservation(locationId, wanted, ReservationState.Held, ReservationResult.Success);
            return Task.FromResult(ReservationResult.Success);
        }
    }

    public Task<bool> CommitAsync(string orderId, CancellationToken cancellationToken = default) =>
        Settle(orderId, ReservationState.Committed, (level, quantity) => level with
        {
            OnHand = level.OnHand - quantity,
            Reserved = level.Reserved - quantity,
            Sold = level.Sold + quantity,
        }, cancellationToken);

    public Task<bool> ReleaseAsync(string orderId, CancellationToken cancellationToken = default) =>
        Settle(orderId, ReservationState.Released, (level, quantity) => level with { Reserved = level.Reserved - quantity }, cancellationToken);

    public Task<IReadOnlyList<StockLevel>> GetLevelsAsync(string sku, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(sku);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            IReadOnlyList<StockLevel> levels = [.. _levels.Values.Where(level => level.Sku == sku).OrderBy(level => level.LocationId, StringComparer.Ordinal)];
            return Task.FromResult(levels);
        }
    }

    public Task<StockLevel> SetOnHandAsync(string sku, string locationId, int onHand, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
            return Task.FromResult(SetOnHandLocked(sku, locationId, onHand));
    }

    private Task<bool> Settle(string orderId, ReservationState next, Func<StockLevel, int, StockLevel> apply, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(orderId);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (!_reservations.TryGetValue(orderId, out var reservation) || reservation.State != ReservationState.Held)
                return Task.FromResult(false);

            foreach (var line in reservation.Lines)
                Adjust(line.Sku, reservation.LocationId, level => apply(level, line.Quantity));
            _reservations[orderId] = reservation with { State = next };
            return Task.FromResult(true);
        }
    }

    private StockLevel SetOnHandLocked(string sku, string locationId, int onHand)
    {
        ArgumentException.ThrowIfNullOrEmpty(sku);
        ArgumentException.ThrowIfNullOrEmpty(locationId);
        var key = new StockKey(sku, locationId);
        var current = _levels.GetValueOrDefault(key) ?? new StockLevel(sku, locationId, 0, 0, 0);
        if (onHand < 0)
            throw new StockConflictException($"{sku} at {locationId}: on-hand count {onHand} is negative.");
        if (onHand < current.Reserved)
            throw new StockConflictException($"{sku} at {locationId}: on-hand count {onHand} is below the {current.Reserved} unit(s) reserved.");

        var updated = current with { OnHand = onHand };
        _levels[key] = updated;
        return updated;
    }

    private int AvailableLocked(string sku, string locationId) =>
        _levels.TryGetValue(new StockKey(sku, locationId), out var level) ? level.Available : 0;

    private void Adjust(string sku, string locationId, Func<StockLevel, StockLevel> change)
    {
        var key = new StockKey(sku, locationId);
        _levels[key] = change(_levels[key]);
    }

    private readonly record struct StockKey(string Sku, string LocationId);

    private enum ReservationState
    {
        Held,
        Committed,
        Released,
        Refused,
    }

    private sealed record Reservation(string LocationId, IReadOnlyList<StockLine> Lines, ReservationState State, ReservationResult Outcome);
}
