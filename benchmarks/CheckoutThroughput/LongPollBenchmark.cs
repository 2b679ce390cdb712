using System.Diagnostics;
using System.Net;
using System.Text;
using AsyncCommerce.Catalog;
using AsyncCommerce.Orders;

namespace AsyncCommerce.Benchmarks.CheckoutThroughput;

/// <summary>
/// What waiting status requests cost the host: GET /api/health latency with nobody waiting, then with
/// <see cref="BenchmarkSettings.Waiters"/> requests parked on orders (If-None-Match, Prefer: wait=30, asked again
/// at each 304), and the host's thread count in both states. A waiter that held a thread would show in both.
/// </summary>
internal static class LongPollBenchmark
{
    private const string Wait = "wait=30";

    public static async Task<LongPollReport> RunAsync(BenchmarkSettings settings)
    {
        await using var host = await CheckoutBenchmark.StartHostAsync(settings with { GatewayLatency = TimeSpan.FromMilliseconds(1) });
        var address = new Uri(host.Urls.First());
        using var probe = new HttpClient { BaseAddress = address };
        using var waitingClient = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = settings.Waiters + 1 }) { BaseAddress = address, Timeout = TimeSpan.FromMinutes(2) };

        await CheckoutBenchmark.RestockAsync(probe);
        var orders = await PlaceConfirmedOrdersAsync(waitingClient, host.Services.GetRequiredService<IOrderViewStore>(), settings.Waiters);
        await MeasureHealthAsync(probe, settings.Samples / 4);
        var idleThreads = ThreadCount();
        var idle = await MeasureHealthAsync(probe, settings.Samples);

        using var stop = new CancellationTokenSource();
        var changes = host.Services.GetRequiredService<OrderViewChanges>();
        var waiters = orders.Select(order => WaitRepeatedlyAsync(waitingClient, order, stop.Token)).ToList();
        var parkedIn = await WaitUntilParkedAsync(changes, orders);
        var waitingThreads = ThreadCount();
        var waiting = await MeasureHealthAsync(probe, settings.Samples);
        var stillParked = orders.Sum(o => changes.Waiting(o.OrderId));

        await stop.CancelAsync();
        await Task.WhenAll(waiters);
        await host.StopAsync();
        return new LongPollReport(settings, idle, waiting, idleThreads, waitingThreads, parkedIn, stillParked);
    }

    private static async Task<List<(string OrderId, string ETag)>> PlaceConfirmedOrdersAsync(HttpClient http, IOrderViewStore views, int count)
    {
        var placed = await Task.WhenAll(Enumerable.Range(0, count).Select(async index =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/checkouts") { Content = new StringContent(PickupBody(index), Encoding.UTF8, "application/json") };
            request.Headers.Add("Idempotency-Key", $"bench-wait-{index}-{Guid.NewGuid():N}");
            using var response = await http.SendAsync(request);
            if (response.StatusCode != HttpStatusCode.Accepted)
                throw new InvalidOperationException($"Checkout {index} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            return response.Headers.Location!.OriginalString.Split('/')[^1];
        }));

        // A confirmed pickup order stays as it is until the store marks it ready: nothing wakes its waiter.
        var confirmed = new List<(string, string)>(count);
        foreach (var orderId in placed)
        {
            var clock = Stopwatch.StartNew();
            OrderView? view;
            while ((view = await views.GetAsync(orderId))?.Status != OrderStatus.Confirmed)
            {
                if (clock.Elapsed > TimeSpan.FromMinutes(1) || view?.Status.IsFinal() == true)
                    throw new InvalidOperationException($"Order {orderId} is {view?.Status}, not Confirmed ({clock.Elapsed.TotalSeconds:0} s).");
                await Task.Delay(TimeSpan.FromMilliseconds(20));
            }

            confirmed.Add((orderId, $"\"{view.Version}\""));
        }

        return confirmed;
    }

    private static async Task WaitRepeatedlyAsync(HttpClient http, (string OrderId, string ETag) order, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/checkouts/{order.OrderId}");
            request.Headers.TryAddWithoutValidation("If-None-Match", order.ETag);
            request.Headers.TryAddWithoutValidation("Prefer", Wait);
            try
            {
                using var response = await http.SendAsync(request, stop);
                if (response.StatusCode != HttpStatusCode.NotModified)
                    throw new InvalidOperationException($"Order {order.OrderId} changed while nothing should change it: {(int)response.StatusCode}.");
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private static async Task<TimeSpan> WaitUntilParkedAsync(OrderViewChanges changes, List<(string OrderId, string ETag)> orders)
    {
        var clock = Stopwatch.StartNew();
        while (orders.Any(o => changes.Waiting(o.OrderId) == 0))
        {
            if (clock.Elapsed > TimeSpan.FromMinutes(1))
                throw new TimeoutException("The waiting requests did not all reach the host within a minute.");
            await Task.Delay(TimeSpan.FromMilliseconds(10));
        }

        return clock.Elapsed;
    }

    /// <summary>Sequential GET /api/health round trips, in milliseconds.</summary>
    private static async Task<List<double>> MeasureHealthAsync(HttpClient http, int samples)
    {
        var latencies = new List<double>(samples);
        for (var i = 0; i < samples; i++)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await http.GetAsync(new Uri("/api/health", UriKind.Relative));
            response.EnsureSuccessStatusCode();
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return latencies;
    }

    private static int ThreadCount()
    {
        using var process = Process.GetCurrentProcess();
        return process.Threads.Count;
    }

    // Spread over the stores and the SKUs, so that no store runs out of any SKU (25 of each per store).
    private static string PickupBody(int index)
    {
        var sku = SeedData.Items[index % 12].Sku;
        var store = SeedData.Stores[index / 12 % SeedData.Stores.Count].StoreId;
        return $$$"""
            {"customerId":"bench-wait-{{{index}}}","currency":"USD","lines":[{"sku":"{{{sku}}}","quantity":1}],
             "fulfillment":{"type":"pickup","storeId":"{{{store}}}"},
             "payments":[{"method":"card","token":"tok_visa"}]}
            """;
    }
}
