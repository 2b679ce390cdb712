using AsyncCommerce.Benchmarks.CheckoutThroughput.Load.Run;
using Spectre.Console;

namespace AsyncCommerce.Benchmarks.CheckoutThroughput.Load.Display;

/// <summary>A table redrawn in place while the phase runs; it stays on screen as the phase's last reading.</summary>
internal sealed class LiveProgress : IProgressDisplay
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    public async Task<T> RunAsync<T>(LoadCounters counters, Func<LoadCounters, Task<T>> phase)
    {
        ArgumentNullException.ThrowIfNull(phase);
        var result = default(T);
        await AnsiConsole.Live(Render(counters)).AutoClear(false).StartAsync(async live =>
        {
            var work = phase(counters);
            while (!work.IsCompleted)
            {
                await Task.WhenAny(work, Task.Delay(Interval));
                live.UpdateTarget(Render(counters));
            }

            result = await work;
        });
        return result!;
    }

    public void Say(string line) => AnsiConsole.MarkupLine(Markup.Escape(line));

    // One row per figure: it fits an 80-column terminal however many figures there are.
    private static Table Render(LoadCounters counters)
    {
        var figures = ProgressFigures.Of(counters);
        var table = new Table().Border(TableBorder.Rounded)
            .Title(Markup.Escape($"{figures.Phase}, {figures.Elapsed}: {figures.State}"))
            .AddColumn("figure").AddColumn(new TableColumn("so far").RightAligned());
        foreach (var (label, value) in figures.Counts)
            table.AddRow(Markup.Escape(label), Markup.Escape(value));
        return table;
    }
}
