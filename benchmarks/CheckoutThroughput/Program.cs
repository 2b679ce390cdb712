using AsyncCommerce.Benchmarks.CheckoutThroughput;

var settings = BenchmarkSettings.Parse(args);
if (settings is null)
{
    Console.Error.WriteLine(BenchmarkSettings.Usage);
    return 2;
}

var report = await CheckoutBenchmark.RunAsync(settings);
report.Print(Console.Out);
return report.AllOrdersFinished ? 0 : 1;
