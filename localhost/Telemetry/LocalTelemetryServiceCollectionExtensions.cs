using AsyncCommerce.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace AsyncCommerce.LocalHost.Telemetry;

public static class LocalTelemetryServiceCollectionExtensions
{
    private const string ServiceName = "AsyncCommerce.LocalHost";

    // The embedded engine runs the workflows on Durable Task Core's dispatchers, which name their spans as the SDK's
    // worker does ("orchestration:CheckoutSaga", "activity:ReserveStock") under their own source.
    private const string EmbeddedEngineSourceName = "DurableTask.Core";

    /// <summary>
    /// What the host's traces and metrics are made of (the product's source and meter, the embedded engine's workflow
    /// spans, and the HTTP requests), and, when <see cref="TelemetryExporterSetting.Key"/> names one, the exporter that
    /// sends them. Without an exporter no provider exists, so nothing is recorded; a test that adds its own provider
    /// (an in-memory exporter) gets exactly the host's telemetry.
    /// </summary>
    public static IServiceCollection AddLocalTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var exporter = TelemetryExporterSetting.Read(configuration);
        services.ConfigureOpenTelemetryTracerProvider(tracing => tracing
            .AddSource(CommerceTelemetry.Name, EmbeddedEngineSourceName)
            .AddAspNetCoreInstrumentation());
        services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddMeter(CommerceTelemetry.Name));
        if (exporter == TelemetryExporter.None)
            return services;

        var telemetry = services.AddOpenTelemetry().ConfigureResource(resource => resource.AddService(ServiceName));
        if (exporter == TelemetryExporter.Otlp)
            telemetry.UseOtlpExporter();
        else
            telemetry.WithTracing(tracing => tracing.AddConsoleExporter()).WithMetrics(metrics => metrics.AddConsoleExporter());
        return services;
    }
}
