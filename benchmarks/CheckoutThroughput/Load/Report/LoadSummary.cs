using AsyncCommerce.Benchmarks.CheckoutThroughput.Load.Mix;
using AsyncCommerce.Benchmarks.CheckoutThroughput.Load.Run;
using AsyncCommerce.Benchmarks.CheckoutThroughput.Load.Target;

namespace AsyncCommerce.Benchmarks.CheckoutThroughput.Load.Report;

/// <summary>The synchronous baseline next to the asynchronous accept: what a customer waits for, both ways.</summary>
internal sealed record SynchronousComparison(double? SynchronousP50Ms, double? SynchronousP99Ms, double? AcceptP50Ms, double? AcceptP99Ms)
{
    public double? P50Ratio => SynchronousP50Ms / AcceptP50Ms;

    public double? P99Ratio => SynchronousP99Ms / AcceptP99Ms;
}

/// <summary>A whole run's report: how it was run, and each phase's figures (the warm-up apart from the measured one).</summary>
internal sealed record LoadSummary(
    DateTimeOffset FinishedAt,
    string Target,
    string Storage,
    double? GatewayLatencyMs,
    int Connections,
    string Shape,
    int WarmupOrders,
    string Temperature,
    int Cores,
    int Seed,
    string Mix,
    double? HostStartCpuMs,
    PhaseSummary? Warmup,
    PhaseSummary Measured,
    PhaseSummary? Synchronous,
    SynchronousComparison? Comparison)
{
    public static LoadSummary From(LoadSettings settings, string target, HostUsage? started, PhaseResult? warmup, PhaseResult measured, PhaseResult? synchronous)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var measuredSummary = PhaseSummary.From(measured);
        var syncSummary = synchronous is null ? null : PhaseSummary.From(synchronous);
        return new LoadSummary(
            DateTimeOffset.UtcNow,
            target,
            settings.Embedded ? settings.Storage : "the app's own",
            settings.Embedded ? settings.GatewayLatency.TotalMilliseconds : null,
            settings.Connections,
            settings.Shape,
            settings.WarmupOrders,
            DescribeTemperature(settings),
            Environment.ProcessorCount,
            settings.Seed,
            CheckoutMix.Describe(settings.DeliveryOnly),
            started?.Cpu.TotalMilliseconds,
            warmup is null ? null : PhaseSummary.From(warmup),
            measuredSummary,
            syncSummary,
            syncSummary is null ? null : new SynchronousComparison(syncSummary.AcceptLatencyMs.P50, syncSummary.AcceptLatencyMs.P99, measuredSummary.AcceptLatencyMs.P50, measuredSummary.AcceptLatencyMs.P99));
    }

    private static string DescribeTemperature(LoadSettings settings) => (settings.Cold, settings.Embedded) switch
    {
        (true, true) => "cold: measured from the host's start, no warm-up (JIT and first-use costs included)",
        (false, true) => $"warm: measured after {settings.WarmupOrders} warm-up orders had ended",
        (true, false) => "no warm-up (the app's history before the run is unknown)",
        _ => $"after {settings.WarmupOrders} warm-up orders (the app's history before the run is unknown)",
    };
}
