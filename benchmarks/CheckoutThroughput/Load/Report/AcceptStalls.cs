using AsyncCommerce.Benchmarks.CheckoutThroughput.Load.Run;

namespace AsyncCommerce.Benchmarks.CheckoutThroughput.Load.Report;

/// <summary>
/// Where the slow answers of a phase come from: how many took longer than <see cref="ThresholdMs"/>, and how many of
/// those fell in moments when most connections waited at once (a stall of a whole process: a collection in the host or
/// in this tool, or the machine taking the CPU), as against slow answers on their own (queueing behind other requests).
/// </summary>
/// <remarks>
/// Why: with every connection posting back to back, the tail percentiles are made of such moments. On 2 cores
/// (docs/performance.md, 2026-12-02) 78–87 % of the accepts over 10 ms fell in 36–47 of them per 10 s burst, and a
/// trace of both processes' collections put most of them down to a pause; a p99 read without this looks like a slow
/// handler.
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
