using System.Globalization;
using AsyncCommerce.Benchmarks.CheckoutThroughput.Load.Run;

namespace AsyncCommerce.Benchmarks.CheckoutThroughput.Load.Display;

/// <summary>One reading of a phase's counters, formatted the same way for the live table and the plain lines.</summary>
internal sealed record ProgressFigures(string Phase, string Elapsed, string State, IReadOnlyList<(string Label, string Value)> Counts)
{
    public static ProgressFigures Of(LoadCounters counters)
    {
        ArgumentNullException.ThrowIfNull(counters);
        var c = CultureInfo.InvariantCulture;
        var seconds = Math.Max(counters.Elapsed.TotalSeconds, 0.001);
        var postingSeconds = Math.Max((counters.PostedIn ?? counters.Elapsed).TotalSeconds, 0.001);
        return new ProgressFigures(
            counters.Phase,
            string.Create(c, $"{counters.Elapsed.TotalSeconds:0.0} s"),
            counters.PostedIn is null ? "posting" : "all posted; following the orders to their end",
            [
                ("accepted", string.Create(c, $"{counters.Accepted} ({counters.Accepted / postingSeconds:0}/s)")),
                ("confirmed", counters.Confirmed.ToString(c)),
                ("completed", string.Create(c, $"{counters.Completed} ({counters.Completed / seconds:0}/s)")),
                ("cancelled", counters.Cancelled.ToString(c)),
                ("rejected", counters.Rejected.ToString(c)),
                ("errors", counters.Errors.Total.ToString(c)),
            ]);
    }

    public string ToLine() =>
        $"[{Phase} {Elapsed}] {string.Join("  ", Counts.Select(count => $"{count.Label} {count.Value}"))}  {State}";
}
