using System.Globalization;

namespace AsyncCommerce.Benchmarks.CheckoutThroughput;

/// <summary>The types allocated most during a run, from <see cref="AllocationSampler"/>'s ticks.</summary>
internal sealed record AllocationProfile(long TotalBytes, IReadOnlyList<(string Type, long Bytes)> TopTypes)
{
    public void Print(TextWriter output, int orders)
    {
        ArgumentNullException.ThrowIfNull(output);
        var c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(c, $"allocation ticks: {TotalBytes / 1048576.0:0.0} MiB sampled, top {TopTypes.Count} types (KiB per order, share)"));
        foreach (var (type, bytes) in TopTypes)
            output.WriteLine(string.Create(c, $"  {bytes / 1024.0 / orders,7:0.00}  {100.0 * bytes / TotalBytes,5:0.0}%  {type}"));
    }
}
