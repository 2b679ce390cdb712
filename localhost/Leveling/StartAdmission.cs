using Microsoft.Extensions.Options;

namespace AsyncCommerce.LocalHost.Leveling;

/// <summary>
/// Hands queued workflow starts to the engine, oldest first, whenever the thread pool's queue is short: the HTTP
/// routes' work then never waits behind a burst of workflow work. While the queue stays long (a sustained peak), one
/// start still goes in every <see cref="LevelingOptions.MaxHold"/>, so the backlog always moves.
/// </summary>
internal sealed partial class StartAdmission(
    LeveledDurableTaskClient starts,
    IOptions<LevelingOptions> options,
    TimeProvider clock,
    ILogger<StartAdmission> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var busyAbove = settings.MaxQueuedWorkPerCore * Environment.ProcessorCount;
        var heldSince = clock.GetTimestamp();
        while (!stoppingToken.IsCancellationRequested)
        {
            if (starts.QueuedCount == 0)
            {
                await starts.WaitForQueuedAsync(stoppingToken);
                heldSince = clock.GetTimestamp();
                continue;
            }

            if (ThreadPool.PendingWorkItemCount > busyAbove && clock.GetElapsedTime(heldSince) < settings.MaxHold)
            {
                await Task.Delay(settings.BusyPoll, clock, stoppingToken);
                continue;
            }

            await starts.AdmitNextAsync();
            heldSince = clock.GetTimestamp();
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (starts.QueuedCount > 0)
            LogQueuedAtStop(starts.QueuedCount);
    }

    [LoggerMessage(EventId = 5402, EventName = "QueuedWorkflowsAtStop", Level = LogLevel.Warning,
        Message = "Stopping with {Count} accepted order(s) whose workflow was still queued; in memory mode they are lost with everything else")]
    private partial void LogQueuedAtStop(int count);
}
