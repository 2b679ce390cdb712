namespace AsyncCommerce.LocalHost.Telemetry;

/// <summary>Where the local host sends its traces and metrics (<c>Commerce:Telemetry:Exporter</c>).</summary>
public enum TelemetryExporter
{
    /// <summary>Nowhere: no spans or metrics are recorded, and the console shows only the log.</summary>
    None,

    /// <summary>OTLP, to the collector the standard <c>OTEL_EXPORTER_OTLP_*</c> variables name (localhost:4317 over gRPC by default).</summary>
    Otlp,

    /// <summary>Printed on the console, next to the log.</summary>
    Console,
}

public static class TelemetryExporterSetting
{
    public const string Key = "Commerce:Telemetry:Exporter";

    /// <summary>The configured exporter; <see cref="TelemetryExporter.None"/> when unset.</summary>
    /// <exception cref="LocalHostConfigurationException">The value names no exporter.</exception>
    public static TelemetryExporter Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var value = configuration[Key];
        if (string.IsNullOrWhiteSpace(value))
            return TelemetryExporter.None;
        if (Enum.TryParse<TelemetryExporter>(value.Trim(), ignoreCase: true, out var exporter) && Enum.IsDefined(exporter))
            return exporter;
        throw new LocalHostConfigurationException(
            $"{Key} must be one of {string.Join(", ", Enum.GetNames<TelemetryExporter>())}, not '{value}'.");
    }
}
