namespace AsyncCommerce.Checkout;

/// <summary>Port: remembers each checkout's Idempotency-Key, the request it was first used with and the order it created.</summary>
public interface IIdempotencyStore
{
    /// <summary>
    /// Stores <paramref name="candidate"/> when the key is new and returns it; when the key exists, returns
    /// the stored record untouched. The caller owns the key when the returned record is its candidate.
    /// </summary>
    Task<IdempotencyRecord> ClaimAsync(IdempotencyRecord candidate, CancellationToken cancellationToken = default);

    /// <summary>Replaces <paramref name="expected"/> with <paramref name="replacement"/> only if the stored record still equals <paramref name="expected"/>.</summary>
    Task<bool> TryReplaceAsync(IdempotencyRecord expected, IdempotencyRecord replacement, CancellationToken cancellationToken = default);

    Task<IdempotencyRecord?> GetAsync(string key, CancellationToken cancellationToken = default);
}

public sealed record IdempotencyRecord(string Key, string RequestFingerprint, string OrderId, IdempotencyState State, DateTimeOffset ClaimedAt);

public enum IdempotencyState
{
    /// <summary>The checkout is being accepted; a crash here leaves the record to be taken over after a lease.</summary>
    InProgress,

    /// <summary>The order is stored and its workflow scheduled.</summary>
    Completed,
}
