using System.Globalization;

namespace AsyncCommerce.Benchmarks.CheckoutThroughput;

internal sealed record BenchmarkReport(
    BenchmarkSettings Settings,
    IReadOnlyList<double> AcceptLatenciesMs,
    TimeSpan AcceptedIn,
    int FinishedOrders,
    TimeSpan FinishedIn,
    IReadOnlyList<double> EndToEndMs,
    ProcessWork Work,
    AllocationProfile? Allocations,
    HostMemory MemoryBefore,
    HostMemory MemoryAfter,
    IReadOnlyList<HostMemory> MemoryByRound,
    StorageRequestTally StorageRequests)
{
    public bool AllOrdersFinished => FinishedOrders == Settings.Orders;

    public void Print(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(c, $"storage {Settings.Storage}, orders {Settings.Orders}, concurrency {Settings.Concurrency}, gateway latency {Settings.GatewayLatency.TotalMilliseconds} ms, {Environment.ProcessorCount} cores"));
        output.WriteLine(string.Create(c, $"POST /api/checkouts -> 202   p50 {P(AcceptLatenciesMs, 50):0.0} ms   p90 {P(AcceptLatenciesMs, 90):0.0} ms   p99 {P(AcceptLatenciesMs, 99):0.0} ms   max {AcceptLatenciesMs.Max():0.0} ms   ({Settings.Orders / AcceptedIn.TotalSeconds:0} accepted/s)"));
        output.WriteLine(string.Create(c, $"orders finished            {FinishedOrders}/{Settings.Orders} in {FinishedIn.TotalSeconds:0.00} s   ({FinishedOrders / FinishedIn.TotalSeconds:0} orders/s end to end)"));
        output.WriteLine(string.Create(c, $"placed -> completed        p50 {P(EndToEndMs, 50):0} ms   p99 {P(EndToEndMs, 99):0} ms   max {EndToEndMs.Max():0} ms"));
        output.WriteLine($"process work during the run {Work.PerOrder(Settings.Orders)}");
        Allocations?.Print(output, Settings.Orders);
        if (StorageRequests.Total > 0)
        {
            StorageRequests.Print(output, "order", FinishedOrders);
            output.WriteLine("  (the benchmark's own status reads included)");
        }
        output.WriteLine(string.Create(c, $"host memory after warm-up  {MemoryBefore}"));
        output.WriteLine(string.Create(c, $"host memory after the run  {MemoryAfter}"));
        var ordersSoFar = 0;
        for (var round = 0; round < MemoryByRound.Count; round++)
        {
            ordersSoFar += Settings.Orders / Settings.Rounds + (round < Settings.Orders % Settings.Rounds ? 1 : 0);
            output.WriteLine(string.Create(c, $"  after round {round + 1,2} ({ordersSoFar,6} orders)  {MemoryByRound[round]}"));
        }
    }

    private static double P(IReadOnlyList<double> values, int percentile) => Percentile.Of(values, percentile);
}
