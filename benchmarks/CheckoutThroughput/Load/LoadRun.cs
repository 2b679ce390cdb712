using AsyncCommerce.Benchmarks.CheckoutThroughput.Load.Api;
using AsyncCommerce.Benchmarks.CheckoutThroughput.Load.Display;
using AsyncCommerce.Benchmarks.CheckoutThroughput.Load.Mix;
using AsyncCommerce.Benchmarks.CheckoutThroughput.Load.Report;
using AsyncCommerce.Benchmarks.CheckoutThroughput.Load.Run;
using AsyncCommerce.Benchmarks.CheckoutThroughput.Load.Target;

namespace AsyncCommerce.Benchmarks.CheckoutThroughput.Load;

/// <summary>
/// The load tool's run: the target (the local host as a child process, or a deployed app), stock for the run, the
/// warm-up, the measured phase, the synchronous baseline, then the report on the console and in files.
/// </summary>
internal static class LoadRun
{
    /// <returns>0 when every measured order ended and no call failed; 1 otherwise.</returns>
    public static async Task<int> RunAsync(LoadSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var display = ProgressDisplay.Create(settings.Plain);
        display.Say(settings.Embedded ? "Starting the local host (child process)..." : $"Loading {settings.BaseUrl}");
        await using ILoadTarget target = settings.Embedded ? await EmbeddedHost.StartAsync(settings, cancellationToken) : new RemoteTarget(settings.BaseUrl!);
        var started = target.Sample();
        using var client = new CommerceClient(target.BaseAddress, settings);
        var catalog = await client.GetCatalogAsync(cancellationToken);
        var stores = await client.GetStoresAsync(cancellationToken);
        await Restock.RunAsync(client, catalog, stores, cancellationToken);
        var mix = new CheckoutMix(catalog, stores, settings.Seed, settings.DeliveryOnly);
        display.Say($"{target.Description}; {CheckoutMix.Describe(settings.DeliveryOnly)}");

        PhaseResult? warmup = null;
        if (!settings.Cold)
        {
            warmup = await display.RunAsync(new LoadCounters("warm-up"), counters =>
                AsynchronousPhase.RunAsync("warm-up", counters, client, target, mix, settings, firstIndex: 0, settings.WarmupOrders, ratePerSecond: null, cancellationToken));
        }

        var first = settings.WarmupOrders;
        var measured = await display.RunAsync(new LoadCounters("measured"), counters =>
            AsynchronousPhase.RunAsync("measured", counters, client, target, mix, settings, first, settings.Orders, settings.Rate, cancellationToken));
        PhaseResult? synchronous = null;
        if (settings.Synchronous)
        {
            synchronous = await display.RunAsync(new LoadCounters("synchronous"), counters =>
                SynchronousPhase.RunAsync(counters, client, target, mix, settings, first, settings.Orders, cancellationToken));
        }

        var summary = LoadSummary.From(settings, target.Description, started, warmup, measured, synchronous);
        var rows = ReportRows.Of(summary);
        ConsoleReport.Write(rows);
        var (markdown, json) = ReportFiles.Write(summary, rows, settings.ReportDirectory);
        display.Say($"Report: {markdown}, {json}");
        return measured.Unfinished == 0 && measured.Errors.Count == 0 ? 0 : 1;
    }
}
