using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AsyncCommerce.Benchmarks.CheckoutThroughput.Load.Api;
using AsyncCommerce.Benchmarks.CheckoutThroughput.Load.Mix;
using AsyncCommerce.Benchmarks.CheckoutThroughput.Load.Target;
using AsyncCommerce.Orders;

namespace AsyncCommerce.Benchmarks.CheckoutThroughput.Load.Run;

/// <summary>
/// The baseline: the same checkouts (same mix, seed and indexes as the measured phase) from the same number of
/// connections to the local host's synchronous route, which answers when the work is done. Customers cannot cancel
/// or add a method there, so those plans just check out.
/// </summary>
internal static class SynchronousPhase
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<PhaseResult> RunAsync(
        LoadCounters counters, CommerceClient client, ILoadTarget target, CheckoutMix mix, LoadSettings settings, int firstIndex, int? count, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(counters);
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(settings);
        var outcomes = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        var before = target.Sample();
        var posting = await CheckoutPoster.RunAsync(settings.Connections, firstIndex, count, settings.Duration, ratePerSecond: null, mix, plan => PostAsync(plan), cancellationToken);
        counters.MarkPosted();
        var after = target.Sample();
        return new PhaseResult(counters.Phase, posting, counters.Accepted, 0, [], outcomes, counters.Errors.Snapshot(), before, after);

        async Task<bool> PostAsync(PlannedCheckout plan)
        {
            try
            {
                using var response = await client.PostSynchronousCheckoutAsync(plan.Body, cancellationToken);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    counters.Errors.Add(await CallFailure.DescribeAsync("POST synchronous checkout", response, cancellationToken));
                    return false;
                }

                var outcome = (await response.Content.ReadFromJsonAsync<SynchronousOutcome>(Json, cancellationToken))!;
                Count(outcome);
                return true;
            }
            catch (Exception error) when (error is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                counters.Errors.Add(CallFailure.Describe("POST synchronous checkout", error));
                return false;
            }
        }

        void Count(SynchronousOutcome outcome)
        {
            counters.CountAccepted();
            if (outcome.Status is OrderStatus.Confirmed or OrderStatus.Completed)
                counters.CountConfirmed();
            if (outcome.Status == OrderStatus.Completed)
                counters.CountCompleted();
            if (outcome.Status == OrderStatus.Rejected)
                counters.CountRejected();
            var name = outcome.StatusReason is { } reason ? $"{outcome.Status} ({reason})" : outcome.Status.ToString();
            outcomes.AddOrUpdate(name, 1, static (_, n) => n + 1);
        }
    }
}
