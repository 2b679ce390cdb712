using AsyncCommerce.Checkout;
using AsyncCommerce.Concurrency;
using Microsoft.Azure.Cosmos;

namespace AsyncCommerce.Adapters.Cosmos.Checkout;

/// <summary>
/// Idempotency keys, one document per key (id and partition = the key). Each document carries its own time to live,
/// <see cref="IdempotencyOptions.IdempotencyRetention"/>, so the one setting that tells the API how long a key is
/// remembered also tells Cosmos DB when to forget it (the container has time to live on, with no default of its own:
/// <c>azure-names.json</c>). A claim is a create: exactly one concurrent claimant gets it, the others read the winner.
/// A replace is conditional on the ETag of the record the caller expects, so it is a compare-and-set.
/// </summary>
public sealed class CosmosIdempotencyStore : IIdempotencyStore
{
    /// <summary>The partition key path the documents of this store are written for.</summary>
    public const string PartitionKeyPath = "/id";

    private readonly Container _container;
    private readonly ConflictRetry _retry;
    private readonly int _timeToLiveSeconds;

    /// <param name="container">The idempotency-keys container.</param>
    /// <param name="conflictRetry">How lost races are retried.</param>
    /// <param name="timeProvider">The clock the retries' backoffs wait on.</param>
    /// <param name="retention">How long a key is remembered after its last write; <see cref="IdempotencyOptions"/>' default when null.</param>
    public CosmosIdempotencyStore(Container container, CosmosConflictRetryOptions? conflictRetry = null, TimeProvider? timeProvider = null, TimeSpan? retention = null)
    {
        _container = container ?? throw new ArgumentNullException(nameof(container));
        _retry = (conflictRetry ?? new CosmosConflictRetryOptions()).ToRetry(timeProvider ?? TimeProvider.System);
        _timeToLiveSeconds = IdempotencyDocument.TimeToLiveSeconds(retention ?? new IdempotencyOptions().IdempotencyRetention);
    }

    public Task<IdempotencyRecord> ClaimAsync(IdempotencyRecord candidate, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentException.ThrowIfNullOrEmpty(candidate.Key);
        return _retry.RunAsync($"Claim idempotency key {candidate.Key}", async token =>
        {
            var document = IdempotencyDocument.From(candidate, _timeToLiveSeconds);
            var partition = new PartitionKey(document.Id);
            if (await _container.TryCreateAsync(document, partition, token) is not null)
                return Attempt.Done(candidate);

            // 409: the key is taken; return the holder's record. Gone again already (expired between the two
            // calls): claim once more.
            var stored = await _container.ReadOrNullAsync<IdempotencyDocument>(document.Id, partition, token);
            return stored is null ? Attempt<IdempotencyRecord>.Retry : Attempt.Done(stored.Document.ToRecord());
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
            var document = IdempotencyDocument.From(replacement, _timeToLiveSeconds);
            var partition = new PartitionKey(document.Id);
            var stored = await _container.ReadOrNullAsync<IdempotencyDocument>(document.Id, partition, token);
            if (stored is null || stored.Document.ToRecord() != expected)
                return Attempt.Done(false);
            // 412 here means it changed after the read: re-read, it may still (again) equal what the caller expects.
            return await _container.TryReplaceAsync(document, document.Id, partition, stored.ETag, token) is null ? Attempt<bool>.Retry : Attempt.Done(true);
        }, cancellationToken);
    }

    public async Task<IdempotencyRecord?> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var id = IdempotencyDocument.IdOf(key);
        var stored = await _container.ReadOrNullAsync<IdempotencyDocument>(id, new PartitionKey(id), cancellationToken);
        return stored?.Document.ToRecord();
    }
}

/// <summary>
/// The stored record, with <paramref name="Ttl"/>: Cosmos DB's per-item time to live in seconds, counted from the last
/// write, so a key lives at least the retention after its claim.
/// </summary>
internal sealed record IdempotencyDocument(string Id, string Key, string RequestFingerprint, string OrderId, IdempotencyState State, DateTimeOffset ClaimedAt, int Ttl)
{
    public static string IdOf(string key) => CosmosId.Escape(key);

    public static IdempotencyDocument From(IdempotencyRecord record, int ttl) =>
        new(IdOf(record.Key), record.Key, record.RequestFingerprint, record.OrderId, record.State, record.ClaimedAt, ttl);

    // Cosmos DB takes whole seconds up to int.MaxValue (68 years); rounding up never forgets a key early.
    public static int TimeToLiveSeconds(TimeSpan retention)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(retention, TimeSpan.Zero);
        return (int)Math.Min(int.MaxValue, Math.Ceiling(retention.TotalSeconds));
    }

    public IdempotencyRecord ToRecord() => new(Key, RequestFingerprint, OrderId, State, ClaimedAt);
}
