using System.Net;
using System.Net.Http.Json;
using AsyncCommerce.Benchmarks.CheckoutThroughput.Load.Api;
using AsyncCommerce.Benchmarks.CheckoutThroughput.Load.Mix;
using AsyncCommerce.Benchmarks.CheckoutThroughput.Load.Target;

namespace AsyncCommerce.Benchmarks.CheckoutThroughput.Load.Run;

/// <summary>
/// POST /api/checkouts from the run's connections, every accepted order followed to its end; host CPU and memory are
/// sampled when posting starts and when the last order has ended (before the event streams are read for the timings).
/// </summary>
internal static class AsynchronousPhase
{
    public static async Task<PhaseResult> RunAsync(
        string name, LoadCounters counters, CommerceClient client, ILoadTarget target, CheckoutMix mix, LoadSettings settings, int firstIndex, int? count, double? ratePerSecond, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(counters);
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(settings);
        using var follower = new OrderFollower(client, counters, settings.Followers);
        var runId = Guid.NewGuid().ToString("N")[..8];
        var before = target.Sample();
        var posting = await CheckoutPoster.RunAsync(settings.Connections, firstIndex, count, settings.Duration, ratePerSecond, mix, plan => PostAsync(plan), cancellationToken);
        counters.MarkPosted();
        var unfinished = await follower.FinishAsync(settings.Deadline);
        var after = target.Sample();

        var tracked = follower.Tracked;
        var timelines = await OrderTimeline.ReadAllAsync(client, tracked, settings.Followers, counters.Errors, cancellationToken);
        var outcomes = timelines.GroupBy(t => t.Outcome).ToDictionary(g => g.Key, g => (long)g.Count(), StringComparer.Ordinal);
        return new PhaseResult(name, posting, counters.Accepted, unfinished, timelines, outcomes, counters.Errors.Snapshot(), before, after);

        async Task<bool> PostAsync(PlannedCheckout plan)
        {
            try
            {
                using var response = await client.PostCheckoutAsync(plan.Body, $"load-{runId}-{plan.Index}", cancellationToken);
                if (response.StatusCode != HttpStatusCode.Accepted)
                {
                    counters.Errors.Add(await CallFailure.DescribeAsync("POST /api/checkouts", response, cancellationToken));
                    return false;
                }

                var accepted = await response.Content.ReadFromJsonAsync<AcceptedCheckout>(cancellationToken);
                counters.CountAccepted();
                follower.Track(accepted!.OrderId, plan.Script);
                return true;
            }
            catch (Exception error) when (error is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                counters.Errors.Add(CallFailure.Describe("POST /api/checkouts", error));
                return false;
            }
        }
    }
}
