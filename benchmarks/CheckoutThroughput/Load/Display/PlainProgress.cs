using AsyncCommerce.Benchmarks.CheckoutThroughput.Load.Run;

namespace AsyncCommerce.Benchmarks.CheckoutThroughput.Load.Display;

/// <summary>A line every <see cref="Interval"/>: what a CI log or a pipe can keep.</summary>
internal sealed class PlainProgress(TextWriter output) : IProgressDisplay
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    public async Task<T> RunAsync<T>(LoadCounters counters, Func<LoadCounters, Task<T>> phase)
    {
        ArgumentNullException.ThrowIfNull(phase);
        var work = phase(counters);
        while (!work.IsCompleted)
        {
            await Task.WhenAny(work, Task.Delay(Interval));
            output.WriteLine(ProgressFigures.Of(counters).ToLine());
        }

        return await work;
    }

    public void Say(string line) => output.WriteLine(line);
}
