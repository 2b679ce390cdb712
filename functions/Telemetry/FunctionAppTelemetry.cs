using AsyncCommerce.Telemetry;
using Azure.Core;
using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace AsyncCommerce.Functions.Telemetry;

public static class FunctionAppTelemetry
{
    public const string ConnectionStringSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary><c>Authorization=AAD</c> (infra/ sets it): ingestion takes an Entra token, the connection string alone cannot write.</summary>
    public const string AuthenticationSetting = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";

    /// <summary>
    /// The app's traces and metrics (the product's source and meter, the Durable Task SDK's workflow spans, each
    /// function invocation) exported to Application Insights with OpenTelemetry, when
    /// <see cref="ConnectionStringSetting"/> is set; without it nothing is recorded.
    /// </summary>
    public static IServiceCollection AddCommerceTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddSource(CommerceTelemetry.Name, CommerceTelemetry.DurableTaskSourceName));
        services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddMeter(CommerceTelemetry.Name));
        var connectionString = configuration[ConnectionStringSetting];
        if (string.IsNullOrWhiteSpace(connectionString))
            return services;

        var credential = EntraCredential(configuration[AuthenticationSetting]);
        services.AddOpenTelemetry()
            .UseFunctionsWorkerDefaults()
            .UseAzureMonitorExporter(monitor =>
            {
                monitor.ConnectionString = connectionString;
                if (credential is not null)
                    monitor.Credential = credential;
            });
        return services;
    }

    /// <summary>
    /// The credential <c>Authorization=AAD</c> asks for: the app's managed identity (a user-assigned one when the setting
    /// names its <c>ClientId</c>). Null when the setting asks for none.
    /// </summary>
    internal static TokenCredential? EntraCredential(string? authentication)
    {
        var parts = (authentication ?? "")
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.Split('=', 2, StringSplitOptions.TrimEntries))
            .Where(pair => pair.Length == 2)
            .ToDictionary(pair => pair[0], pair => pair[1], StringComparer.OrdinalIgnoreCase);
        if (!parts.TryGetValue("Authorization", out var scheme) || !scheme.Equals("AAD", StringComparison.OrdinalIgnoreCase))
            return null;
        return new DefaultAzureCredential(new DefaultAzureCredentialOptions
        {
            ManagedIdentityClientId = parts.GetValueOrDefault("ClientId"),
        });
    }
}
