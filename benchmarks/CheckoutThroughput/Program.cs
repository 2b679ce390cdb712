using AsyncCommerce.Benchmarks.CheckoutThroughput;

var settings = BenchmarkSettings.Parse(args);
if (settings is null)
{
    Console.Error.WriteLine(BenchmarkSettings.Usage);
    return 2;
}

if (settings.EngineOnly)
{
    return await EngineCeilingBenchmark.RunAsync(settings, Console.Out) ? 0 : 1;
}

if (settings.LongPoll)
{
    var waiting = await LongPollBenchmark.RunAsync(settings);
    waiting.Print(Console.Out);
    return 0;
}

var report = await CheckoutBenchmark.RunAsync(settings);
report.Print(Console.Out);
return report.AllOrdersFinished ? 0 : 1;
