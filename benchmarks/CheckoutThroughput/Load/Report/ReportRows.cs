using System.Globalization;

namespace AsyncCommerce.Benchmarks.CheckoutThroughput.Load.Report;

/// <summary>A report line: which part of the run, the figure, its value.</summary>
internal sealed record ReportRow(string Section, string Figure, string Value);

/// <summary>The report as rows, the same for the console and the markdown file.</summary>
internal static class ReportRows
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static IReadOnlyList<ReportRow> Of(LoadSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var rows = new List<ReportRow>
        {
            new("run", "target", summary.Target),
            new("run", "storage, gateway latency", summary.GatewayLatencyMs is { } latency ? string.Create(C, $"{summary.Storage}, {latency:0} ms per gateway call") : "the app's own"),
            new("run", "load", string.Create(C, $"{summary.Shape} from {summary.Connections} connections, {summary.Cores} cores here, seed {summary.Seed}")),
            new("run", "figures are", summary.Temperature),
            new("run", "mix", summary.Mix),
        };
        if (summary.HostStartCpuMs is { } start)
            rows.Add(new("run", "host CPU to start (until it served)", Ms(start)));
        if (summary.Warmup is { } warmup)
            rows.AddRange(Phase(warmup, brief: true));
        rows.AddRange(Phase(summary.Measured, brief: false));
        if (summary.Synchronous is { } sync)
            rows.AddRange(Synchronous(sync));
        if (summary.Comparison is { } comparison)
            rows.AddRange(Comparison(comparison));
        if (summary.Comparison is not null && summary.WarmupOrders == 0)
            rows.Add(new("sync vs async", "note", "cold run: the synchronous phase runs after the measured one, on a host the measured phase warmed up"));
        return rows;
    }

    private static IEnumerable<ReportRow> Phase(PhaseSummary phase, bool brief)
    {
        var name = phase.Name;
        yield return new(name, "checkouts accepted / posted", string.Create(C, $"{phase.Accepted} / {phase.Posted} in {phase.PostingSeconds:0.00} s, {phase.AcceptedPerSecond:0} accepted/s"));
        yield return new(name, "accept latency (POST -> 202)", Latency(phase.AcceptLatencyMs, withP95: true));
        if (!brief)
            yield return new(name, "accepts slower than " + Ms(phase.AcceptStalls.ThresholdMs), Stalls(phase.AcceptStalls, phase.AcceptLatencyMs.Count));
        yield return new(name, "orders ended", string.Create(C, $"{phase.Completed} completed, {Rate(phase.CompletedPerSecond)} completed/s; {phase.Unfinished} not ended by the deadline"));
        if (!brief)
        {
            yield return new(name, "time to Confirmed", Latency(phase.ToConfirmedMs, withP95: false));
            yield return new(name, "time to Completed, delivery", Latency(phase.ToCompletedDeliveryMs, withP95: false));
            yield return new(name, "time to Completed, pickup (staff: ready at once, collected at once)", Latency(phase.ToCompletedPickupMs, withP95: false));
            yield return new(name, "outcomes", Tally(phase.Outcomes));
        }

        yield return new(name, "errors", phase.Errors.Count == 0 ? "none" : Tally(phase.Errors));
        if (phase.HostCpuMs is { } cpu)
            yield return new(name, "host CPU per completed order", string.Create(C, $"{phase.HostCpuPerCompletedOrderMs:0.00} ms ({cpu / 1000:0.0} s in all, the tool's follow-up and staff requests included)"));
        if (phase.WorkingSetBeforeMiB is { } before && phase.WorkingSetAfterMiB is { } after)
            yield return new(name, "host working set", string.Create(C, $"{before:0} MiB before, {after:0} MiB after, {phase.WorkingSetPerRetainedOrderKiB:0.0} KiB per retained order"));
    }

    private static IEnumerable<ReportRow> Synchronous(PhaseSummary sync)
    {
        var name = sync.Name;
        yield return new(name, "checkouts answered / posted", string.Create(C, $"{sync.Accepted} / {sync.Posted} in {sync.PostingSeconds:0.00} s, {sync.AcceptedPerSecond:0} answered/s"));
        yield return new(name, "latency (POST -> answer when done)", Latency(sync.AcceptLatencyMs, withP95: true));
        yield return new(name, "answers", Tally(sync.Outcomes));
        yield return new(name, "errors", sync.Errors.Count == 0 ? "none" : Tally(sync.Errors));
        if (sync.HostCpuMs is { } cpu)
            yield return new(name, "host CPU per answered order", string.Create(C, $"{sync.HostCpuPerCompletedOrderMs:0.00} ms ({cpu / 1000:0.0} s in all)"));
    }

    private static IEnumerable<ReportRow> Comparison(SynchronousComparison comparison)
    {
        yield return new("sync vs async", "p50: synchronous / asynchronous accept", string.Create(C, $"{Ms(comparison.SynchronousP50Ms)} / {Ms(comparison.AcceptP50Ms)} = {comparison.P50Ratio:0.0}x"));
        yield return new("sync vs async", "p99: synchronous / asynchronous accept", string.Create(C, $"{Ms(comparison.SynchronousP99Ms)} / {Ms(comparison.AcceptP99Ms)} = {comparison.P99Ratio:0.0}x"));
    }

    private static string Stalls(AcceptStalls stalls, int answered) => stalls.Slow == 0
        ? "none"
        : string.Create(C, $"{stalls.Slow} ({100.0 * stalls.Slow / Math.Max(answered, 1):0.0} %), {stalls.InStalls} of them in {stalls.Stalls} moments when at least {stalls.ConnectionsInAStall} connections waited at once (a pause, or a saturated CPU)");

    private static string Latency(Percentiles p, bool withP95) => p.Count == 0
        ? "none measured"
        : withP95
            ? $"p50 {Ms(p.P50)}  p95 {Ms(p.P95)}  p99 {Ms(p.P99)}  max {Ms(p.Max)}  (n={p.Count.ToString(C)})"
            : $"p50 {Ms(p.P50)}  p99 {Ms(p.P99)}  (n={p.Count.ToString(C)})";

    private static string Ms(double? ms) => ms is { } value ? string.Create(C, $"{value:0.0} ms") : "-";

    private static string Rate(double? perSecond) => perSecond is { } value ? value.ToString("0", C) : "-";

    private static string Tally(IReadOnlyDictionary<string, long> counts) =>
        string.Join(", ", counts.OrderByDescending(c => c.Value).Select(c => string.Create(C, $"{c.Key}: {c.Value}")));
}
