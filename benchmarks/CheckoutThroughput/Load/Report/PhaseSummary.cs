using AsyncCommerce.Benchmarks.CheckoutThroughput.Load.Run;
using AsyncCommerce.Orders;

namespace AsyncCommerce.Benchmarks.CheckoutThroughput.Load.Report;

/// <summary>The figures of one phase, as the report and its JSON file give them.</summary>
internal sealed record PhaseSummary(
    string Name,
    int Posted,
    long Accepted,
    double PostingSeconds,
    double AcceptedPerSecond,
    Percentiles AcceptLatencyMs,
    AcceptStalls AcceptStalls,
    Percentiles ToConfirmedMs,
    Percentiles ToCompletedDeliveryMs,
    Percentiles ToCompletedPickupMs,
    long Completed,
    int Unfinished,
    double? CompletedPerSecond,
    IReadOnlyDictionary<string, long> Outcomes,
    IReadOnlyDictionary<string, long> Errors,
    double? HostCpuMs,
    double? HostCpuPerCompletedOrderMs,
    double? WorkingSetBeforeMiB,
    double? WorkingSetAfterMiB,
    double? WorkingSetPerRetainedOrderKiB)
{
    private const double MiB = 1024 * 1024;

    public static PhaseSummary From(PhaseResult phase)
    {
        ArgumentNullException.ThrowIfNull(phase);
        var timelines = phase.Timelines;
        var completed = timelines.Count > 0
            ? timelines.Count(t => t.Outcome == nameof(OrderStatus.Completed))
            : phase.Outcomes.Where(o => o.Key.StartsWith(nameof(OrderStatus.Completed), StringComparison.Ordinal) || o.Key.StartsWith(nameof(OrderStatus.Confirmed), StringComparison.Ordinal)).Sum(o => o.Value);
        var span = phase.EndToEndSpan ?? phase.Posting.Took;
        var cpu = phase.After is { } after && phase.Before is { } before ? (after - before).Cpu.TotalMilliseconds : (double?)null;
        return new PhaseSummary(
            phase.Name,
            phase.Posting.Posted,
            phase.Accepted,
            phase.Posting.Took.TotalSeconds,
            phase.Accepted / Math.Max(phase.Posting.Took.TotalSeconds, 0.001),
            Percentiles.Of(phase.Posting.LatenciesMs),
            AcceptStalls.Of(phase.Posting),
            Percentiles.Of(timelines.Select(t => t.ToConfirmedMs).OfType<double>()),
            Percentiles.Of(timelines.Where(t => !t.IsPickup).Select(t => t.ToCompletedMs).OfType<double>()),
            Percentiles.Of(timelines.Where(t => t.IsPickup).Select(t => t.ToCompletedMs).OfType<double>()),
            completed,
            phase.Unfinished,
            completed > 0 ? completed / Math.Max(span.TotalSeconds, 0.001) : null,
            phase.Outcomes,
            phase.Errors,
            cpu,
            cpu is { } total && completed > 0 ? total / completed : null,
            phase.Before?.WorkingSetBytes / MiB,
            phase.After?.WorkingSetBytes / MiB,
            phase.After is { } a && phase.Before is { } b && phase.Accepted > 0 ? (a.WorkingSetBytes - b.WorkingSetBytes) / 1024.0 / phase.Accepted : null);
    }
}
