using System.Globalization;
using AsyncCommerce.Benchmarks.CheckoutThroughput.Load.Run;

namespace AsyncCommerce.Benchmarks.CheckoutThroughput.Load.Display;

/// <summary>One reading of a phase's counters, formatted the same way for the live table and the plain lines.</summary>
internal sealed record ProgressFigures(string Phase, string Elapsed, string Accepted, string AcceptedRate, string Confirmed, string Completed, string CompletedRate, string Cancelled, string Rejected, string Errors, string State)
{
    public static IReadOnlyList<string> Headers { get; } =
        ["phase", "elapsed", "accepted", "accepted/s", "confirmed", "completed", "completed/s", "cancelled", "rejected", "errors", "state"];

    public IReadOnlyList<string> Cells => [Phase, Elapsed, Accepted, AcceptedRate, Confirmed, Completed, CompletedRate, Cancelled, Rejected, Errors, State];

    public static ProgressFigures Of(LoadCounters counters)
    {
        ArgumentNullException.ThrowIfNull(counters);
        var c = CultureInfo.InvariantCulture;
        var seconds = Math.Max(counters.Elapsed.TotalSeconds, 0.001);
        var postingSeconds = Math.Max((counters.PostedIn ?? counters.Elapsed).TotalSeconds, 0.001);
        return new ProgressFigures(
            counters.Phase,
            string.Create(c, $"{counters.Elapsed.TotalSeconds:0.0} s"),
            counters.Accepted.ToString(c),
            string.Create(c, $"{counters.Accepted / postingSeconds:0}"),
            counters.Confirmed.ToString(c),
            counters.Completed.ToString(c),
            string.Create(c, $"{counters.Completed / seconds:0}"),
            counters.Cancelled.ToString(c),
            counters.Rejected.ToString(c),
            counters.Errors.Total.ToString(c),
            counters.PostedIn is null ? "posting" : "all posted; following the orders to their end");
    }

    public string ToLine() => string.Create(
        CultureInfo.InvariantCulture,
        $"[{Phase} {Elapsed}] accepted {Accepted} ({AcceptedRate}/s)  confirmed {Confirmed}  completed {Completed} ({CompletedRate}/s)  cancelled {Cancelled}  rejected {Rejected}  errors {Errors}  {State}");
}
