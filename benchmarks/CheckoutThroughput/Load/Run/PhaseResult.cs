using AsyncCommerce.Benchmarks.CheckoutThroughput.Load.Target;

namespace AsyncCommerce.Benchmarks.CheckoutThroughput.Load.Run;

/// <summary>What one phase measured. <see cref="Timelines"/> is empty for the synchronous phase (its answer is the end).</summary>
internal sealed record PhaseResult(
    string Name,
    Posting Posting,
    long Accepted,
    int Unfinished,
    IReadOnlyList<OrderTimeline> Timelines,
    IReadOnlyDictionary<string, long> Outcomes,
    IReadOnlyDictionary<string, long> Errors,
    HostUsage? Before,
    HostUsage? After)
{
    /// <summary>Orders that reached an end (any outcome) during the phase.</summary>
    public long Finished => Outcomes.Where(o => o.Key != "not finished").Sum(o => o.Value);

    /// <summary>From the first order placed to the last one ended, by the host's clock.</summary>
    public TimeSpan? EndToEndSpan =>
        Timelines.Count == 0 || Timelines.All(t => t.EndedAt is null)
            ? null
            : Timelines.Where(t => t.EndedAt is not null).Max(t => t.EndedAt!.Value) - Timelines.Min(t => t.PlacedAt);
}
