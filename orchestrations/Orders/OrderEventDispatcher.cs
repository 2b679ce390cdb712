using AsyncCommerce.Notifications;
using AsyncCommerce.Telemetry;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AsyncCommerce.Orders;

/// <summary>
/// Publishes what the order streams hold above their published mark (the stream is the outbox), then moves the
/// mark. Recording an event therefore never waits on, nor fails with, the message bus: a bus that is down delays
/// notifications and fails no order, and an event appended just before a crash is published after the restart.
/// At least once: a crash between publishing and marking publishes again, which consumers absorb.
/// </summary>
public sealed partial class OrderEventDispatcher(
    IOrderEventOutbox outbox,
    IOrderEventPublisher publisher,
    OutboxSignal signal,
    IOptions<OutboxOptions> options,
    TimeProvider clock,
    ILogger<OrderEventDispatcher> logger) : BackgroundService
{
    // 1 while publishing fails: one warning per outage and one line at recovery, whichever stream notices first.
    private int _busDown;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var retryDelay = settings.RetryDelay;
        while (!stoppingToken.IsCancellationRequested)
        {
            DispatchRound round;
            try
            {
                round = await DispatchAsync(stoppingToken);
            }
            catch (Exception failure) when (!stoppingToken.IsCancellationRequested)
            {
                LogOutboxUnreadable(failure);
                round = new DispatchRound(0, Failed: true, Full: false);
            }

            if (round.Failed)
            {
                await Task.Delay(retryDelay, clock, stoppingToken);
                retryDelay = TimeSpan.FromTicks(Math.Min(retryDelay.Ticks * 2, settings.MaxRetryDelay.Ticks));
                continue;
            }

            retryDelay = settings.RetryDelay;
            if (!round.Full && await signal.WaitAsync(settings.PollInterval, clock, stoppingToken) && settings.Coalesce > TimeSpan.Zero)
                await Task.Delay(settings.Coalesce, clock, stoppingToken);
        }
    }

    /// <summary>One round: publishes every pending stream of one outbox batch.</summary>
    public async Task<DispatchRound> DispatchAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var pending = await outbox.ListPendingAsync(settings.BatchSize, cancellationToken);
        var failures = 0;
        await Parallel.ForEachAsync(
            pending,
            new ParallelOptions { MaxDegreeOfParallelism = settings.MaxConcurrency, CancellationToken = cancellationToken },
            async (stream, token) =>
            {
                if (!await PublishStreamAsync(stream, token))
                    Interlocked.Increment(ref failures);
            });

        if (failures == 0 && pending.Count > 0 && Interlocked.Exchange(ref _busDown, 0) == 1)
            LogBusRecovered();

        return new DispatchRound(pending.Count, failures > 0, pending.Count >= settings.BatchSize);
    }

    private async Task<bool> PublishStreamAsync(PendingStream stream, CancellationToken cancellationToken)
    {
        try
        {
            var unpublished = await outbox.ReadUnpublishedAsync(stream.OrderId, stream.PublishedSequence, cancellationToken);
            foreach (var orderEvent in unpublished)
                await publisher.PublishTracedAsync(orderEvent, cancellationToken);
            var mark = unpublished.Count > 0 ? unpublished[^1].Sequence : stream.PublishedSequence;
            await outbox.MarkPublishedAsync(stream.OrderId, mark, cancellationToken);
            return true;
        }
        catch (Exception failure) when (!cancellationToken.IsCancellationRequested)
        {
            // One warning per outage, not one per event: the dispatcher keeps retrying with backoff meanwhile.
            if (Interlocked.Exchange(ref _busDown, 1) == 0)
                LogPublishFailed(stream.OrderId, failure);

            return false;
        }
    }

    [LoggerMessage(EventId = 1101, EventName = "OrderEventOutboxPublishFailed", Level = LogLevel.Warning,
        Message = "Order {OrderId}: publishing its events failed; they stay in the outbox and are retried with backoff")]
    private partial void LogPublishFailed(string orderId, Exception failure);

    [LoggerMessage(EventId = 1102, EventName = "OrderEventPublishingRecovered", Level = LogLevel.Information,
        Message = "Publishing order events works again; the outbox is being drained")]
    private partial void LogBusRecovered();

    [LoggerMessage(EventId = 1103, EventName = "OutboxUnreadable", Level = LogLevel.Warning,
        Message = "The outbox could not be read; retrying with backoff")]
    private partial void LogOutboxUnreadable(Exception failure);
}

/// <param name="Streams">Streams taken from the outbox.</param>
/// <param name="Failed">At least one stream could not be published (the bus or the store is failing).</param>
/// <param name="Full">The batch was full: more may be pending right away.</param>
public sealed record DispatchRound(int Streams, bool Failed, bool Full);
