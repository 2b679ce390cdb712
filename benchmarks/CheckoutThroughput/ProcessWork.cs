using System.Globalization;

namespace AsyncCommerce.Benchmarks.CheckoutThroughput;

/// <summary>
/// What this process spent between two points: CPU, bytes allocated and garbage collections. The in-process
/// benchmark hosts the system and its clients together, so the figures are the pair's, a guide for comparing
/// builds rather than the host's cost alone (the load tool measures the host apart).
/// </summary>
internal sealed record ProcessWork(TimeSpan Cpu, long AllocatedBytes, int Gen0Collections, int Gen2Collections)
{
    public static ProcessWork Now() =>
        new(Environment.CpuUsage.TotalTime, GC.GetTotalAllocatedBytes(precise: true), GC.CollectionCount(0), GC.CollectionCount(2));

    public static ProcessWork Between(ProcessWork start, ProcessWork end) => new(
        end.Cpu - start.Cpu,
        end.AllocatedBytes - start.AllocatedBytes,
        end.Gen0Collections - start.Gen0Collections,
        end.Gen2Collections - start.Gen2Collections);

    public string PerOrder(int orders) => string.Create(
        CultureInfo.InvariantCulture,
        $"{Cpu.TotalMilliseconds / orders:0.00} ms CPU, {AllocatedBytes / 1024.0 / orders:0.0} KiB allocated per order ({Gen0Collections} collections, {Gen2Collections} of them full)");
}
