namespace AsyncCommerce.Orders;

/// <summary>Bound to <c>Commerce:Outbox</c>: how appended order events are published to the message bus.</summary>
public sealed class OutboxOptions
{
    public const string Section = "Commerce:Outbox";

    /// <summary>How often the outbox is read when nothing in this process nudged it (events appended by another process).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long a round waits after the first nudge, so that the events appended meanwhile (the next steps of the same
    /// orders, other orders) share its outbox read and its marks: fewer storage requests per event, for a little
    /// notification latency. Zero publishes at once.
    /// </summary>
    public TimeSpan Coalesce { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>First wait after a failed publish; it doubles up to <see cref="MaxRetryDelay"/> while the bus stays down.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Streams taken from the outbox per round.</summary>
    public int BatchSize { get; set; } = 256;

    /// <summary>Streams published at once; each stream's events still go out in order.</summary>
    public int MaxConcurrency { get; set; } = 16;

    internal IEnumerable<string> Validate()
    {
        if (PollInterval <= TimeSpan.Zero || PollInterval > TimeSpan.FromMinutes(5))
            yield return $"{Section}:{nameof(PollInterval)} must be more than zero and at most 5 minutes.";
        if (Coalesce < TimeSpan.Zero || Coalesce > PollInterval)
            yield return $"{Section}:{nameof(Coalesce)} must be between zero and {nameof(PollInterval)}.";
        if (RetryDelay <= TimeSpan.Zero)
            yield return $"{Section}:{nameof(RetryDelay)} must be more than zero.";
        if (MaxRetryDelay < RetryDelay)
            yield return $"{Section}:{nameof(MaxRetryDelay)} must be at least {nameof(RetryDelay)}.";
        if (BatchSize is < 1 or > 10_000)
            yield return $"{Section}:{nameof(BatchSize)} must be between 1 and 10000.";
        if (MaxConcurrency is < 1 or > 256)
            yield return $"{Section}:{nameof(MaxConcurrency)} must be between 1 and 256.";
    }
}
