using Polly;
using Polly.Retry;

namespace AsyncCommerce.Concurrency;

/// <summary>
/// Runs a read-decide-conditional-write cycle until it is decided, re-reading after each lost race (an ETag that no
/// longer matches, an insert that found a row), with exponential backoff and full jitter so that writers contending
/// for one hot document spread out. Every store that writes conditionally (Cosmos DB, Azure Tables) retries this way;
/// each names the exception it gives up with. Delays run on <see cref="TimeProvider"/>, so a test can drive them.
/// </summary>
public sealed class ConflictRetry
{
    private readonly ResiliencePipeline _pipeline;
    private readonly int _maxAttempts;
    private readonly Func<string, Exception> _giveUp;

    /// <param name="maxAttempts">Attempts in all, the first included.</param>
    /// <param name="baseDelay">The first backoff's ceiling; it doubles per retry up to <paramref name="maxDelay"/>. Zero retries at once.</param>
    /// <param name="maxDelay">The largest backoff ceiling.</param>
    /// <param name="time">The clock the backoffs wait on.</param>
    /// <param name="giveUp">The exception to throw, given its message, when the last attempt lost too.</param>
    public ConflictRetry(int maxAttempts, TimeSpan baseDelay, TimeSpan maxDelay, TimeProvider time, Func<string, Exception> giveUp)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxAttempts, 1);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(giveUp);
        _maxAttempts = maxAttempts;
        _giveUp = giveUp;
        _pipeline = maxAttempts == 1 ? ResiliencePipeline.Empty : new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = maxAttempts - 1,
                ShouldHandle = static args => ValueTask.FromResult(args.Outcome.Result is IAttempt { IsDecided: false }),
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(FullJitter(baseDelay, maxDelay, args.AttemptNumber)),
            })
            .Build();
    }

    public async Task<T> RunAsync<T>(string what, Func<CancellationToken, Task<Attempt<T>>> attempt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        var outcome = await _pipeline.ExecuteAsync(static async (attempt, token) => await attempt(token), attempt, cancellationToken);
        return outcome.IsDecided
            ? outcome.Value!
            : throw _giveUp($"{what}: still conflicting with concurrent writers after {_maxAttempts} attempt(s).");
    }

    // Polly numbers retries from 0: the first retry waits up to baseDelay, each next one up to twice as long.
    private static TimeSpan FullJitter(TimeSpan baseDelay, TimeSpan maxDelay, int retry)
    {
        if (baseDelay <= TimeSpan.Zero)
            return TimeSpan.Zero;

        var ceiling = Math.Min(maxDelay.Ticks, baseDelay.Ticks * (1L << Math.Min(retry, 20)));
        // Jitter only spreads contending writers in time; it guards nothing, so a non-cryptographic source is right.
#pragma warning disable CA5394
        return TimeSpan.FromTicks((long)(ceiling * Random.Shared.NextDouble()));
#pragma warning restore CA5394
    }
}
