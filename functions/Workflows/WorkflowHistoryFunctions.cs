using AsyncCommerce.Api.Workflows;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace AsyncCommerce.Functions.Workflows;

/// <summary>
/// Keeps the task hub's history to <c>Commerce__Workflow__HistoryRetention</c>: every hour, purges the finished
/// workflows older than that (<see cref="WorkflowHistoryRetention"/>). The Functions host runs a timer on one instance
/// at a time (a blob lease), so a scaled-out app still purges once per hour.
/// </summary>
public sealed class WorkflowHistoryFunctions(WorkflowHistoryRetention retention)
{
    /// <summary>NCRONTAB with seconds: at minute 0 of every hour.</summary>
    public const string Hourly = "0 0 * * * *";

    [Function(nameof(PurgeWorkflowHistory))]
    public Task PurgeWorkflowHistory(
        [TimerTrigger(Hourly)] TimerInfo timer,
        [DurableClient] DurableTaskClient workflows,
        CancellationToken cancellationToken) =>
        retention.PurgeExpiredAsync(workflows, cancellationToken);
}
