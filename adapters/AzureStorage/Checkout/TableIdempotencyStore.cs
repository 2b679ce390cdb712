using System.Net;
using AsyncCommerce.Checkout;
using AsyncCommerce.Concurrency;
using Azure;
using Azure.Data.Tables;

namespace AsyncCommerce.Adapters.AzureStorage.Checkout;

/// <summary>
/// Idempotency keys, one entity per key. A claim is an insert: exactly one concurrent claimant gets it, the others
/// read the winner. A replace is conditional on the ETag of a read that matched the record the caller expects, so it
/// is a compare-and-set.
/// </summary>
/// <remarks>
/// Azure Tables has no time to live: keys stay until <see cref="PurgeOlderThanAsync"/> deletes them (on Cosmos DB
/// each key carries the same retention as its own time to live); <see cref="IdempotencyKeyPurger"/> runs it.
/// </remarks>
public sealed class TableIdempotencyStore : IIdempotencyStore
{
    private readonly TableClient _table;
    private readonly ConflictRetry _retry;

    public TableIdempotencyStore(TableClient table, TableConflictRetryOptions? conflictRetry = null, TimeProvider? timeProvider = null)
    {
        _table = table ?? throw new ArgumentNullException(nameof(table));
        _retry = (conflictRetry ?? new TableConflictRetryOptions()).ToRetry(timeProvider ?? TimeProvider.System);
    }

    public Task<IdempotencyRecord> ClaimAsync(IdempotencyRecord candidate, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentException.ThrowIfNullOrEmpty(candidate.Key);
        return _retry.RunAsync($"Claim idempotency key {candidate.Key}", async token =>
        {
            var entity = IdempotencyEntity.From(candidate);
            try
            {
                await _table.AddEntityAsync(entity, token);
                return Attempt.Done(candidate);
            }
            catch (RequestFailedException error) when (error.Status == (int)HttpStatusCode.Conflict)
            {
                // The key is taken: return the holder's record (or, deleted again since, claim once more).
            }

            var stored = await _table.ReadOrNullAsync<IdempotencyEntity>(entity.PartitionKey, entity.RowKey, token);
            return stored is null ? Attempt<IdempotencyRecord>.Retry : Attempt.Done(stored.ToRecord());
        }, cancellationToken);
    }

    public Task<bool> TryReplaceAsync(IdempotencyRecord expected, IdempotencyRecord replacement, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(replacement);
        if (!string.Equals(expected.Key, replacement.Key, StringComparison.Ordinal))
            throw new ArgumentException("A record can only be replaced by one with the same key.", nameof(replacement));

        return _retry.RunAsync($"Replace idempotency key {expected.Key}", async token =>
        {
            var entity = IdempotencyEntity.From(replacement);
            var stored = await _table.ReadOrNullAsync<IdempotencyEntity>(entity.PartitionKey, entity.RowKey, token);
            // Every field is compared (record equality), not just the state: a takeover changes the order and the time.
            if (stored is null || stored.ToRecord() != expected)
                return Attempt.Done(false);
            // 412 here means it changed after the read: re-read, it may still (again) equal what the caller expects.
            return await _table.TryInsertOrReplaceAsync(entity, stored.ETag, token) is not null ? Attempt.Done(true) : Attempt<bool>.Retry;
        }, cancellationToken);
    }

    /// <summary>Deletes the keys last changed before <paramref name="cutoff"/>; returns how many.</summary>
    public async Task<int> PurgeOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default)
    {
        var deleted = 0;
        var filter = TableClient.CreateQueryFilter($"Timestamp lt {cutoff}");
        await foreach (var expired in _table.QueryAsync<TableEntity>(filter, select: [nameof(ITableEntity.PartitionKey), nameof(ITableEntity.RowKey)], cancellationToken: cancellationToken))
        {
            try
            {
                // On its ETag: a key reused since the query read it is no longer expired.
                await _table.DeleteEntityAsync(expired.PartitionKey, expired.RowKey, expired.ETag, cancellationToken);
                deleted++;
            }
            catch (RequestFailedException error) when (TableConflicts.IsLostRaceOrGone(error))
            {
                // Changed or deleted since the query: not this sweep's to delete.
            }
        }

        return deleted;
    }

    public async Task<IdempotencyRecord?> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var stored = await _table.ReadOrNullAsync<IdempotencyEntity>(IdempotencyEntity.PartitionKeyOf(key), IdempotencyEntity.RecordRowKey, cancellationToken);
        return stored?.ToRecord();
    }
}
