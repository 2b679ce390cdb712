using AsyncCommerce.Concurrency;
using AsyncCommerce.Inventory;
using Microsoft.Azure.Cosmos;

namespace AsyncCommerce.Adapters.Cosmos.Inventory;

/// <summary>
/// Stock per (SKU, location) in the inventory container (partition /sku), and each order's reservation beside it.
/// </summary>
/// <remarks>
/// <para>
/// A reservation spans SKUs, hence partitions, so no transaction covers it. Instead every stock row changes by a
/// read and a replace on the ETag read (412 → re-read, re-decide), which keeps <c>0 &lt;= reserved &lt;= onHand</c>
/// on each row whatever the number of writers; and an order's reservation document (its own partition) records
/// the decision, changed only by replaces on its ETag, so concurrent or repeated calls for one order agree on one
/// outcome.
/// </para>
/// <para>
/// Reserve: create the reservation Pending (409 → someone else did: continue theirs); hold line by line, each hold
/// recorded on the row under the order id (so a retry never holds twice); then decide once, Pending → Held, or
/// Pending → Refusing, and only then take back the holds (compensation) and mark it Refused. A call that loses the
/// decision follows the winner and takes back any hold it placed that the winner did not count. Commit and release
/// decide first (Held → Committing | Releasing), then settle each row's hold (idempotent), then mark it done; a
/// retry after a crash finishes what was decided. If a caller dies between two steps, its at-least-once retry
/// resumes from the document; until then the rows hold at most what the order asked for, never more than onHand.
/// </para>
/// </remarks>
public sealed class CosmosInventoryStore : IInventoryStore
{
    /// <summary>The partition key path the documents of this store are written for.</summary>
    public const string PartitionKeyPath = "/sku";

    private readonly Container _container;
    private readonly ConflictRetry _retry;

    public CosmosInventoryStore(Container container, CosmosConflictRetryOptions? conflictRetry = null, TimeProvider? timeProvider = null)
    {
        _container = container ?? throw new ArgumentNullException(nameof(container));
        _retry = (conflictRetry ?? new CosmosConflictRetryOptions()).ToRetry(timeProvider ?? TimeProvider.System);
    }

    public async Task<ReservationResult> ReserveAsync(string orderId, string locationId, IReadOnlyList<StockLine> lines, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(orderId);
        ArgumentException.ThrowIfNullOrEmpty(locationId);
        var wanted = StockLines.PerSku(lines);

        // The first decision for an order stands (held, committed, released or refused): a re-run activity must
        // see what the first run saw, never a second hold nor a late one.
        var reservation = await ReadReservationAsync(orderId, cancellationToken)
            ?? await OpenReservationAsync(ReservationDocument.Pending(orderId, locationId, wanted), cancellationToken);
        return await ContinueAsync(reservation, cancellationToken);
    }

    public Task<bool> CommitAsync(string orderId, CancellationToken cancellationToken = default) =>
        SettleAsync(orderId, ReservationState.Committing, ReservationState.Committed, cancellationToken);

    public Task<bool> ReleaseAsync(string orderId, CancellationToken cancellationToken = default) =>
        SettleAsync(orderId, ReservationState.Releasing, ReservationState.Released, cancellationToken);

    public async Task<IReadOnlyList<StockLevel>> GetLevelsAsync(string sku, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(sku);
        var query = new QueryDefinition("SELECT * FROM c WHERE c.docType = @docType").WithParameter("@docType", InventoryDocumentTypes.Stock);
        var rows = await _container.QueryAllAsync<StockDocument>(query, new QueryRequestOptions { PartitionKey = new PartitionKey(sku) }, cancellationToken);
        return [.. rows.Select(row => row.ToLevel()).OrderBy(level => level.LocationId, StringComparer.Ordinal)];
    }

    public Task<StockLevel> SetOnHandAsync(string sku, string locationId, int onHand, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(sku);
        ArgumentException.ThrowIfNullOrEmpty(locationId);
        if (onHand < 0)
            throw new StockConflictException($"{sku} at {locationId}: on-hand count {onHand} is negative.");

        return ChangeStockAsync($"Set on-hand of {sku} at {locationId}", sku, locationId, row =>
        {
            var current = row ?? StockDocument.Empty(sku, locationId);
            if (onHand < current.Reserved)
                throw new StockConflictException($"{sku} at {locationId}: on-hand count {onHand} is below the {current.Reserved} unit(s) reserved.");
            var updated = current with { OnHand = onHand };
            return new StockChange<StockLevel>(updated, updated.ToLevel());
        }, cancellationToken);
    }

    /// <summary>Creates the rows that do not exist yet with their seed count; existing rows keep their live stock. Returns how many were created.</summary>
    public async Task<int> AddMissingStockAsync(IEnumerable<StockSeed> stock, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stock);
        var created = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(stock, parallel, async (row, token) =>
        {
            ArgumentOutOfRangeException.ThrowIfNegative(row.OnHand);
            var document = StockDocument.Empty(row.Sku, row.LocationId) with { OnHand = row.OnHand };
            if (await _container.TryCreateAsync(document, new PartitionKey(row.Sku), token) is not null)
                Interlocked.Increment(ref created);
        });
        return created;
    }

    private Task<ReservationResult> ContinueAsync(Stored<ReservationDocument> reservation, CancellationToken cancellationToken) => reservation.Document.State switch
    {
        ReservationState.Pending => HoldLinesAsync(reservation, cancellationToken),
        ReservationState.Refusing => FinishRefusalAsync(reservation, cancellationToken),
        _ => Task.FromResult(reservation.Document.Outcome),
    };

    private async Task<ReservationResult> HoldLinesAsync(Stored<ReservationDocument> reservation, CancellationToken cancellationToken)
    {
        var pending = reservation.Document;
        var token = Guid.NewGuid().ToString("N");
        var holdTokens = new Dictionary<string, string>(StringComparer.Ordinal);
        var shortSkus = new List<string>();
        foreach (var line in pending.Lines)
        {
            // After a shortage the order is refused anyway: the other lines are only checked, to name every short SKU.
            if (shortSkus.Count > 0)
            {
                if (!await CanHoldAsync(pending, line, cancellationToken))
                    shortSkus.Add(line.Sku);
                continue;
            }

            var holder = await HoldAsync(pending, line, token, cancellationToken);
            if (holder is null)
                shortSkus.Add(line.Sku);
            else
                holdTokens[line.Sku] = holder;
        }

        var decision = shortSkus.Count == 0
            ? pending with { State = ReservationState.Held, HoldTokens = holdTokens }
            : pending with { State = ReservationState.Refusing, ShortSkus = shortSkus };
        var decided = await _container.TryReplaceAsync(decision, decision.Id, decision.Partition, reservation.ETag, cancellationToken);
        if (decided is not null)
            return decision.State == ReservationState.Held ? ReservationResult.Success : await FinishRefusalAsync(new(decision, decided), cancellationToken);

        return await FollowDecisionAsync(pending.OrderId, token, holdTokens, cancellationToken);
    }

    /// <summary>Another call for the order decided first: its decision stands; take back what this call held that it does not count.</summary>
    private async Task<ReservationResult> FollowDecisionAsync(string orderId, string token, Dictionary<string, string> heldByUs, CancellationToken cancellationToken)
    {
        var winner = await ReadReservationAsync(orderId, cancellationToken)
            ?? throw new InvalidOperationException($"The reservation of order {orderId} disappeared while it was being decided.");
        var decided = winner.Document;
        if (decided.State is ReservationState.Refusing or ReservationState.Refused)
            return await FinishRefusalAsync(winner, cancellationToken);
        if (decided.State == ReservationState.Pending)
            return await ContinueAsync(winner, cancellationToken);

        var strays = heldByUs.Where(hold => hold.Value == token && decided.HoldTokenOf(hold.Key) != token).Select(hold => hold.Key);
        foreach (var sku in strays)
            await TakeBackHoldAsync(sku, decided.LocationId, orderId, onlyToken: token, cancellationToken);
        return decided.Outcome;
    }

    private async Task<ReservationResult> FinishRefusalAsync(Stored<ReservationDocument> refusal, CancellationToken cancellationToken)
    {
        var refused = refusal.Document;
        foreach (var line in refused.Lines)
            await TakeBackHoldAsync(line.Sku, refused.LocationId, refused.OrderId, onlyToken: null, cancellationToken);
        if (refused.State == ReservationState.Refusing)
            await _container.TryReplaceAsync(refused with { State = ReservationState.Refused }, refused.Id, refused.Partition, refusal.ETag, cancellationToken);
        return refused.Outcome;
    }

    private async Task<bool> SettleAsync(string orderId, ReservationState settling, ReservationState settled, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(orderId);
        var reservation = await ReadReservationAsync(orderId, cancellationToken);
        if (reservation is { Document.State: ReservationState.Held })
            reservation = await DecideSettlementAsync(reservation, settling, cancellationToken);
        // Settling already: a call that crashed half-way decided it; finish its work. Anything else: nothing held.
        if (reservation is null || reservation.Document.State != settling)
            return false;

        var decided = reservation.Document;
        foreach (var line in decided.Lines)
            await SettleHoldAsync(line.Sku, decided.LocationId, orderId, decided.HoldTokenOf(line.Sku), sell: settling == ReservationState.Committing, cancellationToken);
        // Exactly one call completes the settlement and reports it; a concurrent helper that finishes second does not.
        return await _container.TryReplaceAsync(decided with { State = settled }, decided.Id, decided.Partition, reservation.ETag, cancellationToken) is not null;
    }

    private async Task<Stored<ReservationDocument>?> DecideSettlementAsync(Stored<ReservationDocument> held, ReservationState settling, CancellationToken cancellationToken)
    {
        var decision = held.Document with { State = settling };
        var decided = await _container.TryReplaceAsync(decision, decision.Id, decision.Partition, held.ETag, cancellationToken);
        return decided is null ? await ReadReservationAsync(decision.OrderId, cancellationToken) : new(decision, decided);
    }

    /// <summary>Holds the line for the order unless it is short: the token of the hold now on the row (ours or an earlier call's), or null.</summary>
    private Task<string?> HoldAsync(ReservationDocument reservation, StockLine line, string token, CancellationToken cancellationToken) =>
        ChangeStockAsync($"Hold {line.Sku} at {reservation.LocationId} for order {reservation.OrderId}", line.Sku, reservation.LocationId, row =>
        {
            if (row?.HoldOf(reservation.OrderId) is { } existing)
                return new StockChange<string?>(null, existing.Token);
            if (row is null || row.Available < line.Quantity)
                return new StockChange<string?>(null, null);
            return new StockChange<string?>(row.WithHold(reservation.OrderId, new StockHold(line.Quantity, token)), token);
        }, cancellationToken);

    private async Task<bool> CanHoldAsync(ReservationDocument reservation, StockLine line, CancellationToken cancellationToken)
    {
        var row = await _container.ReadOrNullAsync<StockDocument>(StockDocument.IdOf(reservation.LocationId), new PartitionKey(line.Sku), cancellationToken);
        return row is not null && (row.Document.HoldOf(reservation.OrderId) is not null || row.Document.Available >= line.Quantity);
    }

    /// <summary>Returns the order's hold on the row to available stock (compensation), when it is there and, if given, has <paramref name="onlyToken"/>.</summary>
    private Task<bool> TakeBackHoldAsync(string sku, string locationId, string orderId, string? onlyToken, CancellationToken cancellationToken) =>
        ChangeStockAsync($"Take back {sku} at {locationId} from order {orderId}", sku, locationId, row =>
            row?.HoldOf(orderId) is { } hold && (onlyToken is null || hold.Token == onlyToken)
                ? new StockChange<bool>(row.WithoutHold(orderId), true)
                : new StockChange<bool>(null, false),
            cancellationToken);

    /// <summary>Sells or releases the order's hold on the row, once: only the hold the reservation counted, and only while it is there.</summary>
    private Task<bool> SettleHoldAsync(string sku, string locationId, string orderId, string? countedToken, bool sell, CancellationToken cancellationToken) =>
        ChangeStockAsync($"Settle {sku} at {locationId} for order {orderId}", sku, locationId, row =>
            row?.HoldOf(orderId) is { } hold && hold.Token == countedToken
                ? new StockChange<bool>(sell ? row.WithHoldSold(orderId) : row.WithoutHold(orderId), true)
                : new StockChange<bool>(null, false),
            cancellationToken);

    /// <summary>Read the row, decide, write on the ETag read (or create); re-read and re-decide when another writer got there first.</summary>
    private Task<T> ChangeStockAsync<T>(string what, string sku, string locationId, Func<StockDocument?, StockChange<T>> decide, CancellationToken cancellationToken) =>
        _retry.RunAsync(what, async token =>
        {
            var partition = new PartitionKey(sku);
            var id = StockDocument.IdOf(locationId);
            var stored = await _container.ReadOrNullAsync<StockDocument>(id, partition, token);
            var change = decide(stored?.Document);
            if (change.Write is null)
                return Attempt.Done(change.Result);

            var row = change.Write.EnsureInvariant();
            var written = stored is null
                ? await _container.TryCreateAsync(row, partition, token)
                : await _container.TryReplaceAsync(row, id, partition, stored.ETag, token);
            return written is null ? Attempt<T>.Retry : Attempt.Done(change.Result);
        }, cancellationToken);

    private Task<Stored<ReservationDocument>?> ReadReservationAsync(string orderId, CancellationToken cancellationToken) =>
        _container.ReadOrNullAsync<ReservationDocument>(ReservationDocument.ReservationId, ReservationDocument.PartitionOf(orderId), cancellationToken);

    private async Task<Stored<ReservationDocument>> OpenReservationAsync(ReservationDocument pending, CancellationToken cancellationToken)
    {
        var created = await _container.TryCreateAsync(pending, pending.Partition, cancellationToken);
        if (created is not null)
            return new(pending, created);
        // 409: a concurrent call for the same order opened it first; carry on with theirs.
        return await ReadReservationAsync(pending.OrderId, cancellationToken)
            ?? throw new InvalidOperationException($"The reservation of order {pending.OrderId} was reported existing but cannot be read.");
    }

    /// <summary>What a decision over one stock row writes (null: nothing) and what it answers.</summary>
    private readonly record struct StockChange<T>(StockDocument? Write, T Result);
}
