using System.Diagnostics;
using AsyncCommerce.Benchmarks.CheckoutThroughput.Load.Mix;

namespace AsyncCommerce.Benchmarks.CheckoutThroughput.Load.Run;

/// <summary>How a phase's checkouts went out: each answered request's start and latency, and how long posting took.</summary>
internal sealed record Posting(IReadOnlyList<AnsweredRequest> Answered, int Posted, int Connections, TimeSpan Took)
{
    public IEnumerable<double> LatenciesMs => Answered.Select(answered => answered.LatencyMs);
}

/// <summary>One answered request: when it was sent (ms from the phase's start) and how long its answer took.</summary>
internal readonly record struct AnsweredRequest(double StartMs, double LatencyMs);

/// <summary>
/// Posts checkouts of the mix from a fixed number of connections, each sending its next checkout as soon as the last
/// one answered: a fixed count, or as many as they manage in a duration (a burst).
/// </summary>
internal static class CheckoutPoster
{
    /// <param name="post">Sends one checkout; true when it was answered as the phase expects (its latency then counts).</param>
    public static async Task<Posting> RunAsync(
        int connections, int firstIndex, int? count, TimeSpan duration, CheckoutMix mix, Func<PlannedCheckout, Task<bool>> post, CancellationToken cancellationToken)
    {
        var next = -1;
        var clock = Stopwatch.StartNew();
        var perConnection = await Task.WhenAll(Enumerable.Range(0, connections).Select(_ => Task.Run(async () =>
        {
            var answered = new List<AnsweredRequest>();
            int index;
            while ((index = Interlocked.Increment(ref next)) < (count ?? int.MaxValue) && (count is not null || clock.Elapsed < duration))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var plan = mix.Plan(firstIndex + index);
                var started = clock.Elapsed.TotalMilliseconds;
                if (await post(plan))
                    answered.Add(new AnsweredRequest(started, clock.Elapsed.TotalMilliseconds - started));
            }

            return answered;
        }, cancellationToken)));
        var took = clock.Elapsed;
        var posted = count is { } fixedCount ? Math.Min(fixedCount, next) : next - connections + 1;
        return new Posting([.. perConnection.SelectMany(l => l)], posted, connections, took);
    }
}
