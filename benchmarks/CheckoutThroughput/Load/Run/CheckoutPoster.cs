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
/// Posts checkouts of the mix from a fixed number of connections: a fixed count, or a burst of a duration. Unpaced,
/// each connection sends its next checkout as soon as the last one answered (as many as they manage). Paced, checkout
/// <c>i</c> is due at <c>i / rate</c> seconds and goes out then from a free connection.
/// </summary>
/// <remarks>
/// Why a paced latency is counted from when the checkout was due when no connection was free then: a customer arriving
/// during a pause does not wait to arrive until it ends. Counting from the late send instead would leave every pause
/// out of the figures ("coordinated omission"). When a connection was free, the clock starts when it sent, so this
/// tool's own timer lateness is not charged to the host.
/// </remarks>
internal static class CheckoutPoster
{
    /// <param name="post">Sends one checkout; true when it was answered as the phase expects (its latency then counts).</param>
    /// <param name="ratePerSecond">Checkouts offered per second; null: unpaced.</param>
    public static async Task<Posting> RunAsync(
        int connections, int firstIndex, int? count, TimeSpan duration, double? ratePerSecond, CheckoutMix mix, Func<PlannedCheckout, Task<bool>> post, CancellationToken cancellationToken)
    {
        var limit = count ?? OfferedIn(duration, ratePerSecond) ?? int.MaxValue;
        var next = -1;
        var sent = 0;
        var clock = Stopwatch.StartNew();
        var perConnection = await Task.WhenAll(Enumerable.Range(0, connections).Select(_ => Task.Run(async () =>
        {
            var answered = new List<AnsweredRequest>();
            int index;
            while ((index = Interlocked.Increment(ref next)) < limit && (count is not null || clock.Elapsed < duration))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var plan = mix.Plan(firstIndex + index);
                var started = ratePerSecond is { } rate ? await DueAsync(index * 1000.0 / rate) : clock.Elapsed.TotalMilliseconds;
                Interlocked.Increment(ref sent);
                if (await post(plan))
                    answered.Add(new AnsweredRequest(started, clock.Elapsed.TotalMilliseconds - started));
            }

            return answered;
        }, cancellationToken)));
        var took = clock.Elapsed;
        return new Posting([.. perConnection.SelectMany(l => l)], sent, connections, took);

        async Task<double> DueAsync(double dueMs)
        {
            var early = dueMs - clock.Elapsed.TotalMilliseconds;
            if (early <= 0)
                return dueMs;
            await Task.Delay(TimeSpan.FromMilliseconds(early), cancellationToken);
            return clock.Elapsed.TotalMilliseconds;
        }
    }

    /// <summary>How many checkouts a paced burst offers; null when unpaced.</summary>
    private static int? OfferedIn(TimeSpan duration, double? ratePerSecond) =>
        ratePerSecond is { } rate ? (int)Math.Round(rate * duration.TotalSeconds) : null;
}
