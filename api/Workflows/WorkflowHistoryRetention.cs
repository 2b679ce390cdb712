using AsyncCommerce.Checkout;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AsyncCommerce.Api.Workflows;

/// <summary>
/// Keeps the engine's history to <see cref="WorkflowOptions.HistoryRetention"/>: purges the workflows that are over
/// (completed, failed or terminated) and were started longer ago than that. Running and waiting workflows are never
/// touched, however old. The history is an execution log; the order's event stream is the record, and stays.
/// </summary>
/// <remarks>
/// Shared by both hosts; each decides when it runs (the Functions app on an hourly timer). Running it often is cheap
/// and keeps each purge small; running it twice at once is harmless, both purge what is expired.
/// </remarks>
public sealed partial class WorkflowHistoryRetention(
    IOptions<WorkflowOptions> options,
    TimeProvider clock,
    ILogger<WorkflowHistoryRetention> logger)
{
    /// <summary>The states a workflow never leaves: its history is no longer needed to run it.</summary>
    public static IReadOnlyList<OrchestrationRuntimeStatus> FinishedStatuses { get; } =
    [
        OrchestrationRuntimeStatus.Completed,
        OrchestrationRuntimeStatus.Failed,
        OrchestrationRuntimeStatus.Terminated,
    ];

    /// <summary>Purges the finished workflows created before now minus the retention; returns how many were purged.</summary>
    public async Task<int> PurgeExpiredAsync(DurableTaskClient workflows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workflows);
        var retention = options.Value.HistoryRetention;
        var createdBefore = clock.GetUtcNow() - retention;

        // CreatedFrom is stated rather than left null: some Durable Task sidecars dereference it without a null check.
        var filter = new PurgeInstancesFilter(DateTimeOffset.MinValue, createdBefore, FinishedStatuses);
        var result = await workflows.PurgeAllInstancesAsync(filter, cancellationToken);

        LogPurged(result.PurgedInstanceCount, createdBefore, retention);
        if (result.IsComplete == false)
            LogIncomplete(result.PurgedInstanceCount);
        return result.PurgedInstanceCount;
    }

    [LoggerMessage(EventId = 2201, EventName = "WorkflowHistoryPurged", Level = LogLevel.Information, Message = "Purged the history of {Purged} finished workflow(s) created before {CreatedBefore:O} (retention {Retention})")]
    private partial void LogPurged(int purged, DateTimeOffset createdBefore, TimeSpan retention);

    [LoggerMessage(EventId = 2202, EventName = "WorkflowHistoryPurgeIncomplete", Level = LogLevel.Warning, Message = "The engine stopped purging after {Purged} workflow(s); the rest waits for the next run")]
    private partial void LogIncomplete(int purged);
}
