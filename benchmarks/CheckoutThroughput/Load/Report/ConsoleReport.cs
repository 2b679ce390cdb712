using Spectre.Console;

namespace AsyncCommerce.Benchmarks.CheckoutThroughput.Load.Report;

/// <summary>The report table on the console (Spectre renders it as plain text when output is redirected).</summary>
internal static class ConsoleReport
{
    // A pipe or a CI log has no width; Spectre would assume 80 columns and wrap every value.
    private const int RedirectedWidth = 200;

    public static void Write(IReadOnlyList<ReportRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (Console.IsOutputRedirected)
            AnsiConsole.Profile.Width = RedirectedWidth;
        var table = new Table().Border(TableBorder.Rounded).AddColumn("part").AddColumn("figure").AddColumn("value");
        foreach (var row in rows)
            table.AddRow(Markup.Escape(row.Section), Markup.Escape(row.Figure), Markup.Escape(row.Value));
        AnsiConsole.Write(table);
    }
}
