using AsyncCommerce.Benchmarks.CheckoutThroughput;
using AsyncCommerce.Benchmarks.CheckoutThroughput.Load;

// The load tool is the default; the in-process measurements keep their own switches (see LoadArguments.Usage).
if (BenchmarkSettings.IsInProcessMode(args))
    return await RunInProcessAsync(args);

if (args.Contains("--help") || args.Contains("-h"))
{
    Console.WriteLine(LoadArguments.Usage);
    return 0;
}

var load = LoadArguments.Parse(args, out var error);
if (load is null)
{
    await Console.Error.WriteLineAsync($"{error}{Environment.NewLine}{LoadArguments.Usage}");
    return 2;
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, press) =>
{
    press.Cancel = true;
    stop.Cancel();
};
return await LoadRun.RunAsync(load, stop.Token);

static async Task<int> RunInProcessAsync(string[] args)
{
    var settings = BenchmarkSettings.Parse(args);
    if (settings is null)
    {
        await Console.Error.WriteLineAsync(LoadArguments.Usage);
        return 2;
    }

    if (settings.EngineOnly)
        return await EngineCeilingBenchmark.RunAsync(settings, Console.Out) ? 0 : 1;

    if (settings.LongPoll)
    {
        var waiting = await LongPollBenchmark.RunAsync(settings);
        waiting.Print(Console.Out);
        return 0;
    }

    var report = await CheckoutBenchmark.RunAsync(settings);
    report.Print(Console.Out);
    return report.AllOrdersFinished ? 0 : 1;
}
