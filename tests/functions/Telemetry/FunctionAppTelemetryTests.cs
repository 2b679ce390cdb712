using AsyncCommerce.Functions.Telemetry;
using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace AsyncCommerce.Functions.Tests.Telemetry;

public sealed class FunctionAppTelemetryTests
{
    // The shape infra/ passes; the key and endpoint are placeholders, nothing is sent during the test.
    private const string ConnectionString = "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://ingest.invalid/";

    [Fact]
    public void AddCommerceTelemetry_WithoutApplicationInsights_RecordsNothing()
    {
        using var provider = Services(new Dictionary<string, string?>()).BuildServiceProvider();

        Assert.Null(provider.GetService<TracerProvider>());
        Assert.Null(provider.GetService<MeterProvider>());
    }

    [Fact]
    public void AddCommerceTelemetry_WithTheSettingsInfraPasses_ExportsToApplicationInsightsWithAnEntraToken()
    {
        using var provider = Services(new Dictionary<string, string?>
        {
            [FunctionAppTelemetry.ConnectionStringSetting] = ConnectionString,
            [FunctionAppTelemetry.AuthenticationSetting] = "Authorization=AAD",
        }).BuildServiceProvider();

        Assert.NotNull(provider.GetService<TracerProvider>());
        Assert.NotNull(provider.GetService<MeterProvider>());
        var exporter = provider.GetRequiredService<IOptionsMonitor<AzureMonitorExporterOptions>>().Get(Options.DefaultName);
        Assert.Equal(ConnectionString, exporter.ConnectionString);
        Assert.IsType<DefaultAzureCredential>(exporter.Credential);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Authorization=Key")]
    public void EntraCredential_WhenTheSettingAsksForNone_IsNull(string? authentication) =>
        Assert.Null(FunctionAppTelemetry.EntraCredential(authentication));

    [Fact]
    public void EntraCredential_ForAad_IsTheManagedIdentity() =>
        Assert.IsType<DefaultAzureCredential>(FunctionAppTelemetry.EntraCredential("Authorization=AAD;ClientId=11111111-1111-1111-1111-111111111111"));

    private static ServiceCollection Services(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddCommerceTelemetry(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        return services;
    }
}
