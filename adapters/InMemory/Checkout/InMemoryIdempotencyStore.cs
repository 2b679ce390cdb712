using System.Collections.Concurrent;
using AsyncCommerce.Checkout;

namespace AsyncCommerce.Adapters.InMemory.Checkout;

/// <summary>
/// Idempotency keys kept in memory for the life of the process (longer than the 24 hours the contract asks).
/// </summary>
public sealed class InMemoryIdempotencyStore : IIdempotencyStore
{
    private readonly ConcurrentDictionary<string, IdempotencyRecord> _records = new(StringComparer.Ordinal);

    public Task<IdempotencyRecord> ClaimAsync(IdempotencyRecord candidate, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_records.GetOrAdd(candidate.Key, candidate));
    }

    public Task<bool> TryReplaceAsync(IdempotencyRecord expected, IdempotencyRecord replacement, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(replacement);
        if (!string.Equals(expected.Key, replacement.Key, StringComparison.Ordinal))
            throw new ArgumentException("A record can only be replaced by one with the same key.", nameof(replacement));
        cancellationToken.ThrowIfCancellationRequested();

        // TryUpdate compares with the records' value equality: the compare-and-set the port describes.
        return Task.FromResult(_records.TryUpdate(expected.Key, replacement, expected));
    }

    public Task<IdempotencyRecord?> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_records.GetValueOrDefault(key));
    }
}
