using System.Diagnostics;
using System.Globalization;

namespace AsyncCommerce.Benchmarks.CheckoutThroughput;

/// <summary>The benchmark process's memory (it hosts the system under test), measured after a full collection.</summary>
internal sealed record HostMemory(long ManagedBytes, long WorkingSetBytes)
{
    public static HostMemory Measure()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        using var process = Process.GetCurrentProcess();
        return new HostMemory(GC.GetTotalMemory(forceFullCollection: true), process.WorkingSet64);
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"managed heap {ManagedBytes / 1048576.0:0.0} MiB, working set {WorkingSetBytes / 1048576.0:0.0} MiB");
}
