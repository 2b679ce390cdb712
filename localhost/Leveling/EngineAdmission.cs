using Microsoft.Extensions.Options;

namespace AsyncCommerce.LocalHost.Leveling;

/// <summary>
/// Load leveling in memory mode: the engine takes its next work item (a workflow's next episode, or a step) only
/// when no burst of checkouts is on (<see cref="CheckoutArrivals"/>), and at least one every
/// <see cref="LevelingOptions.MaxHold"/> of each kind while a burst lasts, so the backlog always moves. During a burst the accept path keeps the CPU; once it is
/// over the engine drains the backlog at its own rate.
/// </summary>
/// <remarks>
/// Why at the engine's fetch: the engine shares the process (and, on a small machine, every core) with the HTTP
/// routes, and its work items come from one fetch loop per kind. Throttling its concurrency did not help (measured:
/// accept p99 about 100 ms at 32 connections with a concurrency of 200, 32 or 8 alike), and neither did holding back only
/// the starts of new workflows (the ones already started kept the CPU: 500 accepts/s). Holding back every next work
/// item during a burst does. A work item already taken runs to its end, so nothing is ever interrupted.
/// </remarks>
internal sealed class EngineAdmission(CheckoutArrivals arrivals, IOptions<LevelingOptions> options, TimeProvider clock)
{
    public EngineAdmissionLane Orchestrations { get; } = new(arrivals, options.Value.MaxHold, clock);

    public EngineAdmissionLane Activities { get; } = new(arrivals, options.Value.MaxHold, clock);

    /// <summary>New workflows noted during a burst (<see cref="EmbeddedEngine.DeferredWorkflowStarts"/>).</summary>
    public EngineAdmissionLane Starts { get; } = new(arrivals, options.Value.MaxHold, clock);

    public bool IsBurst => arrivals.IsBurst;
}
