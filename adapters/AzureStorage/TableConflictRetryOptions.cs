using AsyncCommerce.Concurrency;

namespace AsyncCommerce.Adapters.AzureStorage;

/// <summary>
/// Retries of a read-decide-write cycle whose conditional write lost to a concurrent writer (412 Precondition Failed
/// on an ETag, 409 Conflict on an insert). Each retry re-reads, so it is always safe; the bound only decides when a
/// hot entity gives up and lets the caller (an at-least-once activity) try again later.
/// </summary>
public sealed class TableConflictRetryOptions
{
    public int MaxAttempts { get; set; } = 30;

    /// <summary>The first backoff; each further attempt doubles it (with full jitter) up to <see cref="MaxDelay"/>. Zero retries at once.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(5);

    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    internal ConflictRetry ToRetry(TimeProvider time) => new(MaxAttempts, BaseDelay, MaxDelay, time, message => new TableConcurrencyException(message));
}
