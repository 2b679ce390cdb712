using System.Globalization;

namespace AsyncCommerce.Benchmarks.CheckoutThroughput;

/// <summary>The storage requests of the measured run, per kind.</summary>
internal sealed record StorageRequestTally(IReadOnlyDictionary<string, long> ByKind)
{
    private const int KindsShown = 15;

    public long Total => ByKind.Values.Sum();

    public static StorageRequestTally Between(IReadOnlyDictionary<string, long> before, IReadOnlyDictionary<string, long> after) =>
        new(after.ToDictionary(kind => kind.Key, kind => kind.Value - before.GetValueOrDefault(kind.Key), StringComparer.Ordinal));

    /// <param name="unit">What the requests are counted per ("order", "workflow").</param>
    /// <param name="finished">How many of those finished during the run.</param>
    public void Print(TextWriter output, string unit, int finished)
    {
        var c = CultureInfo.InvariantCulture;
        var per = (double)Math.Max(finished, 1);
        output.WriteLine(string.Create(c, $"storage requests           {Total} during the run, {Total / per:0} per finished {unit}"));
        foreach (var (kind, count) in ByKind.Where(kind => kind.Value > 0).OrderByDescending(kind => kind.Value).Take(KindsShown))
            output.WriteLine(string.Create(c, $"  {count / per,7:0.0} per {unit}   {kind}"));
    }
}
