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

    private static Table Render(LoadCounters counters)
    {
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var header in ProgressFigures.Headers)
            table.AddColumn(new TableColumn(header).RightAligned());
        table.AddRow([.. ProgressFigures.Of(counters).Cells.Select(Markup.Escape)]);
        return table;
    }
}
