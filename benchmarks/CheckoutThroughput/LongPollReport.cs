using System.Globalization;

namespace AsyncCommerce.Benchmarks.CheckoutThroughput;

internal sealed record LongPollReport(
    BenchmarkSettings Settings,
    IReadOnlyList<double> IdleHealthMs,
    IReadOnlyList<double> WaitingHealthMs,
    int IdleThreads,
    int WaitingThreads,
    TimeSpan ParkedIn,
    int StillParked)
{
    public void Print(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(c, $"long poll: {Settings.Waiters} waiting GET /api/checkouts/{{id}} (If-None-Match, Prefer: wait=30), {Settings.Samples} sequential GET /api/health per state, {Environment.ProcessorCount} cores"));
        output.WriteLine(Line("GET /api/health, idle        ", IdleHealthMs));
        output.WriteLine(Line($"GET /api/health, {Settings.Waiters} waiting", WaitingHealthMs));
        output.WriteLine(string.Create(c, $"p99 with waiters / idle       {Percentile.Of(WaitingHealthMs, 99) / Percentile.Of(IdleHealthMs, 99):0.00}"));
        output.WriteLine(string.Create(c, $"process threads               {IdleThreads} idle, {WaitingThreads} with the waiters parked ({ParkedIn.TotalMilliseconds:0} ms to park them all; {StillParked} still parked after the measurement)"));
    }

    private static string Line(string label, IReadOnlyList<double> ms) => string.Create(
        CultureInfo.InvariantCulture,
        $"{label}  p50 {Percentile.Of(ms, 50):0.00} ms   p90 {Percentile.Of(ms, 90):0.00} ms   p99 {Percentile.Of(ms, 99):0.00} ms   max {ms.Max():0.00} ms");
}
