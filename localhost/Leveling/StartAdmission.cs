using Microsoft.Extensions.Options;

namespace AsyncCommerce.LocalHost.Leveling;

/// <summary>
/// Hands queued workflow starts to the engine, oldest first, whenever no more than
/// <see cref="LevelingOptions.MaxAcceptsInFlight"/> checkouts are being accepted: during a burst the accept path keeps
/// the CPU, and the engine takes the backlog once it is over. While a burst lasts, one start still goes in every
/// <see cref="LevelingOptions.MaxHold"/>, so the backlog always moves.
/// </summary>
/// <remarks>
/// Measured before this rule: admitting whenever the thread pool's queue was short let the engine's own work (and the
/// status requests of clients following their orders) hold admission at its floor long after a burst ended.
/// </remarks>
internal sealed partial class StartAdmission(
    LeveledDurableTaskClient starts,
    AcceptsInFlight accepts,
    IOptions<LevelingOptions> options,
    TimeProvider clock,
    ILogger<StartAdmission> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var heldSince = clock.GetTimestamp();
        while (!stoppingToken.IsCancellationRequested)
        {
            if (starts.QueuedCount == 0)
            {
                await starts.WaitForQueuedAsync(stoppingToken);
                heldSince = clock.GetTimestamp();
                continue;
            }

            if (accepts.Count > settings.MaxAcceptsInFlight && clock.GetElapsedTime(heldSince) < settings.MaxHold)
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
