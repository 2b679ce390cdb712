using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using AsyncCommerce.Api.Authorization;
using AsyncCommerce.Catalog;
using AsyncCommerce.Checkout;
using AsyncCommerce.LocalHost;
using AsyncCommerce.LocalHost.EmbeddedEngine;
using AsyncCommerce.Orders;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace AsyncCommerce.Benchmarks.CheckoutThroughput;

/// <summary>
/// Starts the local host on a loopback port, posts delivery checkouts from concurrent clients, measures how
/// long each POST takes to answer 202, then how long the orders take to complete (reserve, authorize with the
/// configured gateway latency, capture, commit). Traffic goes to 127.0.0.1 only and stops by itself.
/// </summary>
internal static class CheckoutBenchmark
{
    public static async Task<BenchmarkReport> RunAsync(BenchmarkSettings settings)
    {
        using var storageRequests = new StorageRequestCounter();
        await using var host = await StartHostAsync(settings);
        var address = host.Urls.First();
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = settings.Concurrency }) { BaseAddress = new Uri(address) };

        await RestockAsync(http);
        var views = host.Services.GetRequiredService<IOrderViewStore>();
        var pollInterval = settings.OnAzurite ? TimeSpan.FromSeconds(1) : TimeSpan.FromMilliseconds(50);

        // The warm-up's orders finish before anything is measured: none of their work may count towards the run.
        var (_, warmupIds) = await PostAllAsync(http, count: Math.Min(50, settings.Orders), settings.Concurrency, "warmup");
        await WaitForFinalAsync(views, warmupIds, settings.Deadline, pollInterval);
        var memoryBefore = HostMemory.Measure();

        using var allocations = settings.AllocationTypes > 0 ? new AllocationSampler() : null;
        allocations?.Start();
        var workBefore = ProcessWork.Now();
        var requestsBefore = storageRequests.Snapshot();
        var latencies = new List<double>(settings.Orders);
        var orderIds = new List<string>(settings.Orders);
        var memoryByRound = new List<HostMemory>(settings.Rounds);
        var acceptedIn = TimeSpan.Zero;
        var finished = 0;
        var clock = Stopwatch.StartNew();
        for (var round = 0; round < settings.Rounds; round++)
        {
            var count = settings.Orders / settings.Rounds + (round < settings.Orders % settings.Rounds ? 1 : 0);
            var posting = Stopwatch.StartNew();
            var (roundLatencies, roundIds) = await PostAllAsync(http, count, settings.Concurrency, $"run{round}");
            acceptedIn += posting.Elapsed;
            latencies.AddRange(roundLatencies);
            orderIds.AddRange(roundIds);
            finished += await WaitForFinalAsync(views, roundIds, settings.Deadline, pollInterval);
            if (settings.Rounds > 1)
            {
                await WaitForHistoryPurgedAsync(host, pollInterval);
                memoryByRound.Add(HostMemory.Measure());
            }
        }

        var finishedIn = clock.Elapsed;
        var work = ProcessWork.Between(workBefore, ProcessWork.Now());
        allocations?.Stop();
        var allocationProfile = allocations is null ? null : new AllocationProfile(allocations.TotalBytes, allocations.Top(settings.AllocationTypes));
        var memoryAfter = memoryByRound.Count > 0 ? memoryByRound[^1] : HostMemory.Measure();
        var requestsDuringRun = StorageRequestTally.Between(requestsBefore, storageRequests.Snapshot());

        var events = host.Services.GetRequiredService<IOrderEventStore>();
        var endToEnd = new List<double>(orderIds.Count);
        foreach (var orderId in orderIds)
        {
            var stream = await events.ReadAsync(orderId);
            endToEnd.Add((stream[^1].OccurredAt - stream[0].OccurredAt).TotalMilliseconds);
        }

        await host.StopAsync();
        return new BenchmarkReport(settings, latencies, acceptedIn, finished, finishedIn, endToEnd, work, allocationProfile, memoryBefore, memoryAfter, memoryByRound, requestsDuringRun);
    }

    /// <summary>
    /// Waits until the engine holds no workflow history (finished ones are purged after the retention), or for as long
    /// as one retention and purge interval take: what stays per order is then the product's state alone, not a round's
    /// last few hundred histories that happen not to be purged yet (they made the per-round figure scatter by ±0.5 KB).
    /// </summary>
    private static async Task WaitForHistoryPurgedAsync(WebApplication host, TimeSpan pollInterval)
    {
        var retention = host.Services.GetRequiredService<IOptions<WorkflowOptions>>().Value.HistoryRetention;
        var purgeInterval = host.Services.GetRequiredService<IOptions<EmbeddedEngineOptions>>().Value.HistoryPurgeInterval;
        var workflows = host.Services.GetRequiredService<DurableTaskClient>();
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < retention + purgeInterval + pollInterval)
        {
            await using var instances = workflows.GetAllInstancesAsync(new OrchestrationQuery(PageSize: 1)).GetAsyncEnumerator();
            if (!await instances.MoveNextAsync())
                return;
            await Task.Delay(pollInterval);
        }
    }

    internal static async Task<WebApplication> StartHostAsync(BenchmarkSettings settings)
    {
        // As the local host's own entry point: appsettings.json read once, not watched (ConfigurationFiles says why).
        var builder = WebApplication.CreateBuilder(ConfigurationFiles.ReadOnce([]));
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration["Commerce:Payment:GatewayLatency"] = settings.GatewayLatency.ToString("c", CultureInfo.InvariantCulture);

        // The benchmark restocks through the inventory route and measures the storefront's checkouts: no staff tokens.
        builder.Configuration[$"{CommerceAuthorizationOptions.Section}:Enabled"] = "false";
        if (settings.OnAzurite)
        {
            // A task hub of its own per run: a run never finds another run's orders, stock or workflows.
            builder.Configuration["Commerce:Storage"] = "Azurite";
            builder.Configuration["Commerce:AzureStorage:TaskHub"] = $"bench{DateTime.UtcNow:yyyyMMddHHmmss}";
        }

        builder.Services.AddLocalCommerce(builder.Configuration);
        var app = builder.Build();
        app.MapLocalCommerce();
        await app.StartAsync();
        return app;
    }

    private static async Task<(List<double> Latencies, List<string> OrderIds)> PostAllAsync(HttpClient http, int count, int concurrency, string run)
    {
        var latencies = new List<double>(count);
        var orderIds = new List<string>(count);
        var next = -1;
        var workers = Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < count)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "/api/checkouts") { Content = new StringContent(Body(index), Encoding.UTF8, "application/json") };
                request.Headers.Add("Idempotency-Key", $"bench-{run}-{index}-{Guid.NewGuid():N}");
                var started = Stopwatch.GetTimestamp();
                using var response = await http.SendAsync(request);
                var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (response.StatusCode != HttpStatusCode.Accepted)
                    throw new InvalidOperationException($"Checkout {index} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                var orderId = response.Headers.Location!.OriginalString.Split('/')[^1];
                lock (latencies)
                {
                    latencies.Add(elapsed);
                    orderIds.Add(orderId);
                }
            }
        });
        await Task.WhenAll(workers);
        return (latencies, orderIds);
    }

    // Enough stock at the fulfillment centre for any run: a benchmark measures checkouts, not OutOfStock rejections.
    internal static async Task RestockAsync(HttpClient http)
    {
        foreach (var item in SeedData.Items.Take(12))
        {
            using var content = new StringContent("""{"onHand":1000000}""", Encoding.UTF8, "application/json");
            using var response = await http.PutAsync(new Uri($"/api/inventory/{item.Sku}/{Locations.FulfillmentCentre}", UriKind.Relative), content);
            response.EnsureSuccessStatusCode();
        }
    }

    // Orders finish roughly in the order they were placed, so each sweep stops at the first one still open: the
    // benchmark's own reads stay a small part of the storage requests it reports. A last full sweep counts exactly.
    private static async Task<int> WaitForFinalAsync(IOrderViewStore views, List<string> orderIds, TimeSpan deadline, TimeSpan pollInterval)
    {
        var clock = Stopwatch.StartNew();
        var pending = new List<string>(orderIds);
        while (pending.Count > 0 && clock.Elapsed < deadline)
        {
            while (pending.Count > 0 && (await views.GetAsync(pending[0]))?.Status.IsFinal() == true)
                pending.RemoveAt(0);
            if (pending.Count > 0)
                await Task.Delay(pollInterval);
        }

        var open = 0;
        foreach (var orderId in pending)
        {
            if ((await views.GetAsync(orderId))?.Status.IsFinal() != true)
                open++;
        }

        return orderIds.Count - open;
    }

    // Delivery orders spread over the SKUs so that stock (200 per SKU at the fulfillment centre) never runs out.
    private static string Body(int index)
    {
        var sku = SeedData.Items[index % 12].Sku;
        return $$$"""
            {"customerId":"bench-{{{index}}}","contact":{"email":"bench@example.com"},"currency":"USD",
             "lines":[{"sku":"{{{sku}}}","quantity":1}],
             "fulfillment":{"type":"delivery","address":{"line1":"1 Main St","city":"Springfield","postalCode":"12345","country":"US"}},
             "payments":[{"method":"card","token":"tok_visa"}]}
            """;
    }
}
