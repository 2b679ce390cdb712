using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace AsyncCommerce.LocalHost.EmbeddedEngine;

/// <summary>Bound to <c>Commerce:Engine</c>.</summary>
public sealed class EmbeddedEngineOptions
{
    public const string Section = "Commerce:Engine";

    /// <summary>
    /// Orchestration and activity work items the engine runs at once (each kind). The in-memory backend reports the
    /// processor count as its own cap (2 here: 100 orders took 75 s), so the engine runs with this one instead.
    /// </summary>
    [SettingRange(1, 10_000, ErrorMessage = $"{Section}:{nameof(WorkerConcurrency)} must be between 1 and 10000.")]
    public int WorkerConcurrency { get; set; } = 200;

    /// <summary>
    /// Memory mode: how many running workflows keep their executor between episodes, so that an episode runs only its
    /// new events instead of replaying the whole history (<see cref="EmbeddedEngine.ResumableOrchestrations"/>); the
    /// others replay as usual. 0 turns it off.
    /// </summary>
    [SettingRange(0, 1_000_000, ErrorMessage = $"{Section}:{nameof(ResumableOrchestrations)} must be between 0 and 1000000.")]
    public int ResumableOrchestrations { get; set; } = 10_000;

    /// <summary>
    /// Memory mode: how many workflows may be busy (started, not ended, not just waiting for a timer or an event) before
    /// the first episode of a new one waits for a slot (<see cref="WorkflowStartGate"/>). A backlog of accepted
    /// checkouts then waits as a queue of starts instead of as that many workflows in flight. 0 turns it off.
    /// </summary>
    [SettingRange(0, 1_000_000, ErrorMessage = $"{Section}:{nameof(BusyWorkflows)} must be between 0 and 1000000.")]
    public int BusyWorkflows { get; set; } = 1_000;

    /// <summary>
    /// Memory mode, once <see cref="ResumableOrchestrations"/> workflows are kept: how long a kept workflow may go
    /// without running (a pickup order waiting for the store, say) before it gives its place to a busier one.
    /// </summary>
    [SettingRange(typeof(TimeSpan), "00:00:01", DurationBounds.Max, ErrorMessage = $"{Section}:{nameof(ResumableIdleTime)} must be at least 1 second.")]
    public TimeSpan ResumableIdleTime { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Azure Storage backend (azurite mode): how long a queue message taken by a host stays hidden from the others. A
    /// host that dies holding messages (a crash, or partitions moving between hosts) delays their orders by this much:
    /// the backend writes history only after it sent a step's messages, so a half-done step is taken up again only
    /// once its message reappears. The backend's default, 5 minutes, is made for long activities; every step here
    /// takes well under a second.
    /// </summary>
    [SettingRange(typeof(TimeSpan), "00:00:05", DurationBounds.Max, ErrorMessage = $"{Section}:{nameof(MessageVisibilityTimeout)} must be at least 5 seconds.")]
    public TimeSpan MessageVisibilityTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often finished workflows older than <c>Commerce:Workflow:HistoryRetention</c> are purged.</summary>
    [SettingRange(typeof(TimeSpan), DurationBounds.Tick, DurationBounds.Max, ErrorMessage = $"{Section}:{nameof(HistoryPurgeInterval)} must be more than zero.")]
    public TimeSpan HistoryPurgeInterval { get; set; } = TimeSpan.FromHours(1);
}

[OptionsValidator]
internal sealed partial class EmbeddedEngineOptionsValidator : IValidateOptions<EmbeddedEngineOptions>;
