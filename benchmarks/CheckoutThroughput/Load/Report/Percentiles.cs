namespace AsyncCommerce.Benchmarks.CheckoutThroughput.Load.Report;

/// <summary>A latency distribution in milliseconds (nearest-rank percentiles); null fields when nothing was measured.</summary>
internal sealed record Percentiles(int Count, double? P50, double? P95, double? P99, double? Max)
{
    public static Percentiles Of(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
            return new Percentiles(0, null, null, null, null);
        return new Percentiles(sorted.Length, Rank(sorted, 50), Rank(sorted, 95), Rank(sorted, 99), sorted[^1]);
    }

    private static double Rank(double[] sorted, int percentile) =>
        sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Length) - 1, 0, sorted.Length - 1)];
}
