using AsyncCommerce.Concurrency;
using AsyncCommerce.Inventory;
using Azure.Data.Tables;

namespace AsyncCommerce.Adapters.AzureStorage.Inventory;

/// <summary>
/// Stock per (SKU, location) and each order's reservation in one Azure table (Azurite or a storage account).
/// </summary>
/// <remarks>
/// <para>
/// Layout (see <see cref="InventoryKeys"/>): a location's partition holds its stock rows (<c>stock|{sku}</c>) and the
/// reservations made there (<c>reservation|{orderId}</c>), so a reservation is one entity-group transaction: replace
/// every row it holds on the ETag read, and add the reservation. Either all of it lands or none does; a 412 (a row
/// changed) or a 409 (the order was decided meanwhile) re-reads and decides again. Nothing is ever held outside a
/// decided reservation, so there is nothing to compensate after a crash, in any process.
/// </para>
/// <para>
/// Release and commit know only the order id: the order's own partition pins the location, written before the first
/// reservation attempt and never changed, so every call for the order (from any process) looks in one partition.
/// Settling moves the reservation out of Held and adjusts the rows in one transaction, so it happens once.
/// </para>
/// <para>
/// Reading a SKU's stock across locations goes through a per-SKU index (partition <c>sku|{sku}</c>, a row per
/// location), written before the stock row it points to: one partition query and a point read per location, rather
/// than a scan of every partition. Known locations alone would not do: any location id may be stocked.
/// </para>
/// </remarks>
public sealed class TableInventoryStore : IInventoryStore
{
    /// <summary>An entity-group transaction takes at most 100 entities, and one of them is the reservation.</summary>
    public const int MaxSkusPerReservation = 99;

    private const string LocationIdProperty = "LocationId";

    private readonly TableClient _table;
    private readonly ConflictRetry _retry;

    public TableInventoryStore(TableClient table, TableConflictRetryOptions? conflictRetry = null, TimeProvider? timeProvider = null)
    {
        _table = table ?? throw new ArgumentNullException(nameof(table));
        _retry = (conflictRetry ?? new TableConflictRetryOptions()).ToRetry(timeProvider ?? TimeProvider.System);
    }

    public async Task<ReservationResult> ReserveAsync(string orderId, string locationId, IReadOnlyList<StockLine> lines, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(orderId);
        ArgumentException.ThrowIfNullOrEmpty(locationId);
        var wanted = StockLines.PerSku(lines);
        if (wanted.Length > MaxSkusPerReservation)
            throw new ArgumentException($"A reservation holds at most {MaxSkusPerReservation} SKUs; this one has {wanted.Length}.", nameof(lines));

        var pinned = await PinLocationAsync(orderId, locationId, cancellationToken);
        return await _retry.RunAsync($"Reserve stock at {pinned} for order {orderId}", token => TryReserveAsync(orderId, pinned, wanted, token), cancellationToken);
    }

    public Task<bool> CommitAsync(string orderId, CancellationToken cancellationToken = default) =>
        SettleAsync(orderId, ReservationState.Committed, (row, quantity) => row.Sell(quantity), cancellationToken);

    public Task<bool> ReleaseAsync(string orderId, CancellationToken cancellationToken = default) =>
        SettleAsync(orderId, ReservationState.Released, (row, quantity) => row.Release(quantity), cancellationToken);

    public async Task<IReadOnlyList<StockLevel>> GetLevelsAsync(string sku, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(sku);
        var locations = new List<string>();
        var index = _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {InventoryKeys.SkuPartition(sku)}"), select: [LocationIdProperty], cancellationToken: cancellationToken);
        await foreach (var entry in index)
            locations.Add(entry.RequiredString(LocationIdProperty));

        // Each point read is a consistent row; an index entry whose row was never created (a crash between the two) is skipped.
        var rows = await Task.WhenAll(locations.Select(location => ReadRowAsync(location, sku, cancellationToken)));
        return [.. rows.OfType<StockRow>().Select(row => row.ToLevel()).OrderBy(level => level.LocationId, StringComparer.Ordinal)];
    }

    public Task<StockLevel> SetOnHandAsync(string sku, string locationId, int onHand, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(sku);
        ArgumentException.ThrowIfNullOrEmpty(locationId);
        if (onHand < 0)
            throw new StockConflictException($"{sku} at {locationId}: on-hand count {onHand} is negative.");

        return _retry.RunAsync($"Set on-hand of {sku} at {locationId}", async token =>
        {
            var current = await ReadRowAsync(locationId, sku, token);
            if (current is null)
                return await TryCreateRowAsync(StockRow.Empty(sku, locationId) with { OnHand = onHand }, token) ? Attempt.Done(new StockLevel(sku, locationId, onHand, 0, 0)) : Attempt<StockLevel>.Retry;
            if (onHand < current.Reserved)
                throw new StockConflictException($"{sku} at {locationId}: on-hand count {onHand} is below the {current.Reserved} unit(s) reserved.");

            var updated = (current with { OnHand = onHand }).EnsureInvariant();
            return await _table.TryReplaceAsync(updated.ToEntity(), current.ETag, token) ? Attempt.Done(updated.ToLevel()) : Attempt<StockLevel>.Retry;
        }, cancellationToken);
    }

    /// <summary>Creates the rows that do not exist yet with their seed count; existing rows keep their live stock. Returns how many were created.</summary>
    public async Task<int> AddMissingStockAsync(IEnumerable<StockSeed> stock, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stock);
        var created = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(stock, parallel, async (seed, token) =>
        {
            ArgumentException.ThrowIfNullOrEmpty(seed.Sku);
            ArgumentException.ThrowIfNullOrEmpty(seed.LocationId);
            ArgumentOutOfRangeException.ThrowIfNegative(seed.OnHand);
            if (await TryCreateRowAsync(StockRow.Empty(seed.Sku, seed.LocationId) with { OnHand = seed.OnHand }, token))
                Interlocked.Increment(ref created);
        });
        return created;
    }

    private async Task<Attempt<ReservationResult>> TryReserveAsync(string orderId, string locationId, StockLine[] wanted, CancellationToken cancellationToken)
    {
        // The first decision for an order stands (held, committed, released or refused): a re-run activity must see
        // what the first run saw, never a second hold nor a late one.
        if (await ReadReservationAsync(orderId, locationId, cancellationToken) is { } decided)
            return Attempt.Done(decided.Outcome);

        var rows = await ReadRowsAsync(locationId, wanted, cancellationToken);
        string[] shortSkus = [.. wanted.Where(line => rows[line.Sku] is not { } row || row.Available < line.Quantity).Select(line => line.Sku)];
        if (shortSkus.Length > 0)
        {
            // A refusal changes no row, so it needs no ETag: recording it only has to beat any other decision for the order.
            var refused = StockReservation.Refused(orderId, locationId, wanted, shortSkus);
            return await _table.TrySubmitAsync([refused.AddAction()], cancellationToken) ? Attempt.Done(refused.Outcome) : Attempt<ReservationResult>.Retry;
        }

        var held = StockReservation.Held(orderId, locationId, wanted);
        TableTransactionAction[] transaction =
        [
            held.AddAction(),
            .. wanted.Select(line => rows[line.Sku]!.Hold(line.Quantity).ReplaceAction()),
        ];
        return await _table.TrySubmitAsync(transaction, cancellationToken) ? Attempt.Done(held.Outcome) : Attempt<ReservationResult>.Retry;
    }

    private async Task<bool> SettleAsync(string orderId, ReservationState settled, Func<StockRow, int, StockRow> apply, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(orderId);
        if (await FindPinnedLocationAsync(orderId, cancellationToken) is not { } locationId)
            return false;

        return await _retry.RunAsync($"Move the reservation of order {orderId} to {settled}", async token =>
        {
            var reservation = await ReadReservationAsync(orderId, locationId, token);
            if (reservation is not { State: ReservationState.Held })
                return Attempt.Done(false);

            var rows = await ReadRowsAsync(locationId, reservation.Lines, token);
            // A held reservation's units are always counted in its rows' reserved. Fewer means the rows were read after
            // a concurrent call settled it (the reservation was read before): the transaction would fail on the
            // reservation's ETag anyway, so read both again instead of computing from a torn view.
            if (reservation.Lines.Any(line => rows[line.Sku] is { } row && row.Reserved < line.Quantity))
                return Attempt<bool>.Retry;

            TableTransactionAction[] transaction =
            [
                reservation.MoveAction(settled),
                .. reservation.Lines.Select(line => apply(rows[line.Sku] ?? throw MissingRow(reservation, line.Sku), line.Quantity).ReplaceAction()),
            ];
            return await _table.TrySubmitAsync(transaction, token) ? Attempt.Done(true) : Attempt<bool>.Retry;
        }, cancellationToken);
    }

    /// <summary>
    /// Names the order's location once, before anything is reserved: the first call's location stands, so concurrent
    /// or repeated calls, and release and commit later, all find the reservation in the same partition.
    /// </summary>
    private async Task<string> PinLocationAsync(string orderId, string locationId, CancellationToken cancellationToken)
    {
        var pin = new TableEntity(InventoryKeys.OrderPartition(orderId), InventoryKeys.PinnedLocationRow) { [LocationIdProperty] = locationId };
        if (await _table.TryAddAsync(pin, cancellationToken))
            return locationId;
        return await FindPinnedLocationAsync(orderId, cancellationToken)
            ?? throw new InvalidOperationException($"The location of order {orderId} was reported pinned but cannot be read.");
    }

    private async Task<string?> FindPinnedLocationAsync(string orderId, CancellationToken cancellationToken) =>
        (await _table.ReadOrNullAsync<TableEntity>(InventoryKeys.OrderPartition(orderId), InventoryKeys.PinnedLocationRow, cancellationToken))?.RequiredString(LocationIdProperty);

    /// <summary>Indexes the row under its SKU first, so that no stock row ever exists that <see cref="GetLevelsAsync"/> cannot find.</summary>
    private async Task<bool> TryCreateRowAsync(StockRow row, CancellationToken cancellationToken)
    {
        var entry = new TableEntity(InventoryKeys.SkuPartition(row.Sku), InventoryKeys.IndexRow(row.LocationId)) { [LocationIdProperty] = row.LocationId };
        await _table.UpsertEntityAsync(entry, TableUpdateMode.Replace, cancellationToken);
        return await _table.TryAddAsync(row.EnsureInvariant().ToEntity(), cancellationToken);
    }

    private async Task<StockReservation?> ReadReservationAsync(string orderId, string locationId, CancellationToken cancellationToken) =>
        await _table.ReadOrNullAsync<TableEntity>(InventoryKeys.LocationPartition(locationId), InventoryKeys.ReservationRow(orderId), cancellationToken) is { } entity
            ? StockReservation.FromEntity(entity)
            : null;

    private async Task<StockRow?> ReadRowAsync(string locationId, string sku, CancellationToken cancellationToken) =>
        await _table.ReadOrNullAsync<TableEntity>(InventoryKeys.LocationPartition(locationId), InventoryKeys.StockRow(sku), cancellationToken) is { } entity
            ? StockRow.FromEntity(entity)
            : null;

    /// <summary>The rows of the lines' SKUs at the location (null where none), read side by side.</summary>
    private async Task<Dictionary<string, StockRow?>> ReadRowsAsync(string locationId, IEnumerable<StockLine> lines, CancellationToken cancellationToken)
    {
        var skus = lines.Select(line => line.Sku).ToArray();
        var rows = await Task.WhenAll(skus.Select(sku => ReadRowAsync(locationId, sku, cancellationToken)));
        return skus.Zip(rows).ToDictionary(pair => pair.First, pair => pair.Second, StringComparer.Ordinal);
    }

    private static InvalidOperationException MissingRow(StockReservation reservation, string sku) =>
        new($"Order {reservation.OrderId} holds {sku} at {reservation.LocationId}, but that stock row is gone.");
}
