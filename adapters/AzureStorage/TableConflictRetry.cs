namespace AsyncCommerce.Adapters.AzureStorage;

/// <summary>
/// Runs a read-decide-conditional-write cycle until it is decided, re-reading after each lost race (412/409), with
/// exponential backoff and full jitter so that writers contending for one hot entity spread out.
/// </summary>
internal sealed class TableConflictRetry(TableConflictRetryOptions options, TimeProvider time)
{
    public async Task<T> RunAsync<T>(string what, Func<CancellationToken, Task<Attempt<T>>> attempt, CancellationToken cancellationToken)
    {
        for (var number = 1; ; number++)
        {
            var outcome = await attempt(cancellationToken);
            if (outcome.IsDecided)
                return outcome.Value!;
            if (number >= options.MaxAttempts)
                throw new TableConcurrencyException($"{what}: still conflicting with concurrent writers after {number} attempt(s).");
            await BackoffAsync(number, cancellationToken);
        }
    }

    private Task BackoffAsync(int attempt, CancellationToken cancellationToken)
    {
        if (options.BaseDelay <= TimeSpan.Zero)
            return Task.CompletedTask;

        var ceiling = Math.Min(options.MaxDelay.Ticks, options.BaseDelay.Ticks * (1L << Math.Min(attempt - 1, 20)));
        // Jitter only spreads contending writers in time; it guards nothing, so a non-cryptographic source is right.
#pragma warning disable CA5394
        var delay = TimeSpan.FromTicks((long)(ceiling * Random.Shared.NextDouble()));
#pragma warning restore CA5394
        return Task.Delay(delay, time, cancellationToken);
    }
}
