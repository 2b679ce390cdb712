using AsyncCommerce.Api.Workflows;
using AsyncCommerce.LocalHost.EmbeddedEngine;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace AsyncCommerce.LocalHost.Workflows;

/// <summary>
/// The local host's schedule for <see cref="WorkflowHistoryRetention"/> (the Functions app runs it on an hourly timer):
/// shortly after start, then every <see cref="EmbeddedEngineOptions.HistoryPurgeInterval"/>. In memory mode it is
/// also what gives finished workflows' memory back.
/// </summary>
internal sealed partial class WorkflowHistoryPurger(
    WorkflowHistoryRetention retention,
    DurableTaskClient workflows,
    IOptions<EmbeddedEngineOptions> options,
    TimeProvider clock,
    ILogger<WorkflowHistoryPurger> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.HistoryPurgeInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(interval, clock, stoppingToken);
            try
            {
                await retention.PurgeExpiredAsync(workflows, stoppingToken);
            }
            catch (Exception failure) when (!stoppingToken.IsCancellationRequested)
            {
                // Retention is housekeeping: a failed purge waits for the next round and must never stop the host.
                LogPurgeFailed(interval, failure);
            }
        }
    }

    [LoggerMessage(EventId = 5301, EventName = "WorkflowHistoryPurgeFailed", Level = LogLevel.Warning,
        Message = "Purging finished workflows failed; trying again in {Interval}")]
    private partial void LogPurgeFailed(TimeSpan interval, Exception failure);
}
