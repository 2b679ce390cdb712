using AsyncCommerce.Checkout;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AsyncCommerce.Adapters.AzureStorage.Checkout;

/// <summary>
/// The retention of idempotency keys on Azure Tables (which has no time to live): shortly after start, then hourly,
/// deletes the keys older than <see cref="IdempotencyOptions.IdempotencyRetention"/>: those the API would treat as new anyway.
/// </summary>
internal sealed partial class IdempotencyKeyPurger(
    TableIdempotencyStore keys,
    IOptions<IdempotencyOptions> options,
    TimeProvider clock,
    ILogger<IdempotencyKeyPurger> logger) : BackgroundService
{
    private static readonly TimeSpan FirstSweepAfter = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var wait = FirstSweepAfter;
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(wait, clock, stoppingToken);
            wait = Interval;
            try
            {
                var retention = options.Value.IdempotencyRetention;
                var deleted = await keys.PurgeOlderThanAsync(clock.GetUtcNow() - retention, stoppingToken);
                if (deleted > 0)
                    LogPurged(deleted, retention);
            }
            catch (Exception failure) when (!stoppingToken.IsCancellationRequested)
            {
                // Housekeeping: a failed sweep waits for the next one and never stops the host.
                LogPurgeFailed(Interval, failure);
            }
        }
    }

    [LoggerMessage(EventId = 6101, EventName = "IdempotencyKeysPurged", Level = LogLevel.Information,
        Message = "Deleted {Count} idempotency key(s) older than {Retention}")]
    private partial void LogPurged(int count, TimeSpan retention);

    [LoggerMessage(EventId = 6102, EventName = "IdempotencyKeyPurgeFailed", Level = LogLevel.Warning,
        Message = "Deleting expired idempotency keys failed; trying again in {Interval}")]
    private partial void LogPurgeFailed(TimeSpan interval, Exception failure);
}
