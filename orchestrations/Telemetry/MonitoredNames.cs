using System.Text.Json;

namespace AsyncCommerce.Telemetry;

/// <summary>
/// The telemetry names <c>infra/</c> alerts on, read from the <c>monitoring</c> section of <c>infra/azure-names.json</c>
/// (embedded in this assembly): the alert queries the metric this code emits, from one declaration.
/// </summary>
public sealed record MonitoredNames(string FailedOrdersMetric)
{
    private const string ResourceName = "azure-names.json";
    private const string Section = "monitoring";

    public static MonitoredNames Embedded { get; } = Load();

    private static MonitoredNames Load()
    {
        using var stream = typeof(MonitoredNames).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource '{ResourceName}' is missing from {typeof(MonitoredNames).Assembly.GetName().Name}.");
        using var json = JsonDocument.Parse(stream);
        var metric = json.RootElement.TryGetProperty(Section, out var section) && section.TryGetProperty("failedOrdersMetric", out var name)
            ? name.GetString()
            : null;
        return string.IsNullOrWhiteSpace(metric)
            ? throw new InvalidOperationException($"{ResourceName} names no {Section}.failedOrdersMetric.")
            : new MonitoredNames(metric);
    }
}
