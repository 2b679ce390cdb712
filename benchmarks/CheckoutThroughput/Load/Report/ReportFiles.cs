using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AsyncCommerce.Benchmarks.CheckoutThroughput.Load.Report;

/// <summary>The report as a markdown table (to read or paste) and as JSON (to compare runs), named by the run's time.</summary>
internal static class ReportFiles
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <returns>The markdown file's and the JSON file's paths.</returns>
    public static (string Markdown, string Json) Write(LoadSummary summary, IReadOnlyList<ReportRow> rows, string directory)
    {
        ArgumentNullException.ThrowIfNull(summary);
        Directory.CreateDirectory(directory);
        var name = Path.Combine(directory, $"checkout-{summary.FinishedAt.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}");
        File.WriteAllText(name + ".md", Markdown(summary, rows));
        File.WriteAllText(name + ".json", JsonSerializer.Serialize(summary, Json));
        return (name + ".md", name + ".json");
    }

    private static string Markdown(LoadSummary summary, IReadOnlyList<ReportRow> rows)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"# Checkout load run, {summary.FinishedAt:yyyy-MM-dd HH:mm:ss} UTC").AppendLine().AppendLine();
        text.AppendLine("| part | figure | value |").AppendLine("| --- | --- | --- |");
        foreach (var row in rows)
            text.Append(CultureInfo.InvariantCulture, $"| {Cell(row.Section)} | {Cell(row.Figure)} | {Cell(row.Value)} |").AppendLine();
        return text.ToString();
    }

    private static string Cell(string value) => value.Replace("|", "\\|", StringComparison.Ordinal);
}
