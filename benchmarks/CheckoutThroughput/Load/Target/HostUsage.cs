namespace AsyncCommerce.Benchmarks.CheckoutThroughput.Load.Target;

/// <summary>The system under test's process at one moment: CPU used since it started, and its working set.</summary>
internal sealed record HostUsage(TimeSpan Cpu, long WorkingSetBytes)
{
    public static HostUsage operator -(HostUsage after, HostUsage before)
    {
        ArgumentNullException.ThrowIfNull(after);
        ArgumentNullException.ThrowIfNull(before);
        return new(after.Cpu - before.Cpu, after.WorkingSetBytes - before.WorkingSetBytes);
    }

    public static HostUsage Subtract(HostUsage after, HostUsage before) => after - before;
}
