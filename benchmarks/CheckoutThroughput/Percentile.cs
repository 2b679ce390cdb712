namespace AsyncCommerce.Benchmarks.CheckoutThroughput;

internal static class Percentile
{
    /// <summary>The nearest-rank percentile of <paramref name="values"/>.</summary>
    public static double Of(IReadOnlyList<double> values, int percentile)
    {
        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(percentile / 100.0 * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }
}
