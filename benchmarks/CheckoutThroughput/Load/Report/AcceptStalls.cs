using AsyncCommerce.Benchmarks.CheckoutThroughput.Load.Run;

namespace AsyncCommerce.Benchmarks.CheckoutThroughput.Load.Report;

/// <summary>
/// Where the slow answers of a phase come from: how many took longer than <see cref="ThresholdMs"/>, and how many of
/// those fell in moments when most connections waited at once (a pause of a whole process, or a CPU so busy that every
/// request queued), as against slow answers on their own.
/// </summary>
/// <remarks>
/// Why: the tail percentiles are made of such moments, and what makes them depends on how the load is offered
/// (docs/performance.md, "Where an accept's time goes"). Paced below what the host can take, they are the host's
/// collections. With every connection posting back to back on 2 cores, the CPU is saturated and they are mostly
/// queueing for it: a run whose host collected only 3 times in 25 s still had 45 of them. A p99 read without this
/// looks like a slow handler; inside the host an accept took 0.1 ms at the median.
/// </remarks>
internal sealed record AcceptStalls(double ThresholdMs, int Slow, int InStalls, int Stalls, int ConnectionsInAStall)
{
    public const double DefaultThresholdMs = 10;

    public static AcceptStalls Of(Posting posting, double thresholdMs = DefaultThresholdMs)
    {
        ArgumentNullException.ThrowIfNull(posting);

        // Three quarters: a stall that holds every connection shows a few of them just finishing or just starting.
        var connectionsInAStall = Math.Max(2, (int)Math.Ceiling(posting.Connections * 0.75));
        var slow = posting.Answered.Where(answered => answered.LatencyMs > thresholdMs).OrderBy(answered => answered.StartMs).ToArray();
        int inStalls = 0, stalls = 0, together = 0;
        var togetherUntil = double.NegativeInfinity;
        foreach (var answered in slow)
        {
            if (answered.StartMs >= togetherUntil)
            {
                Close();
                together = 0;
            }

            together++;
            togetherUntil = Math.Max(togetherUntil, answered.StartMs + answered.LatencyMs);
        }

        Close();
        return new AcceptStalls(thresholdMs, slow.Length, inStalls, stalls, connectionsInAStall);

        void Close()
        {
            if (together < connectionsInAStall)
                return;
            stalls++;
            inStalls += together;
        }
    }
}
