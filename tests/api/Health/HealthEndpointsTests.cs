using System.Diagnostics;
using System.Net;
using System.Text.Json;
using AsyncCommerce.Adapters.AzureStorage;
using AsyncCommerce.Adapters.AzureStorage.Azurite;
using AsyncCommerce.Api.Health;
using AsyncCommerce.Api.Tests.Support;
using AsyncCommerce.Catalog;
using AsyncCommerce.Testing;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Moq;

namespace AsyncCommerce.Api.Tests.Health;

/// <summary>GET /api/health names every dependency and the failing one; GET /api/health/live checks nothing external.</summary>
public sealed class HealthEndpointsTests
{
    private static readonly Uri Health = new("/api/health", UriKind.Relative);
    private static readonly Uri Liveness = new("/api/health/live", UriKind.Relative);

    [Fact]
    public async Task Health_WhenEveryDependencyAnswers_Returns200ListingEachCheck()
    {
        await using var app = new CommerceApp();

        var (status, report) = await GetAsync(app, Health);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", report.GetProperty("status").GetString());
        Assert.Equal(
            [(CommerceHealthChecks.Catalog, "Healthy"), (CommerceHealthChecks.Workflows, "Healthy")],
            Checks(report));
    }

    [Fact]
    public async Task Health_WhenTheCatalogStoreFails_Returns503NamingIt()
    {
        await using var app = new CommerceApp();

        var (status, report) = await GetAsync(app.WithServices(services => services.AddSingleton<ICatalog, UnavailableCatalog>()), Health);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("Unhealthy", report.GetProperty("status").GetString());
        Assert.Equal("Unhealthy: InvalidOperationException", Check(report, CommerceHealthChecks.Catalog));
        Assert.Equal("Healthy", Check(report, CommerceHealthChecks.Workflows));
        Assert.DoesNotContain(UnavailableCatalog.Secret, report.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_WhenTheWorkflowEngineFails_Returns503NamingIt()
    {
        await using var app = new CommerceApp();
        var engine = new Mock<DurableTaskClient>(MockBehavior.Loose, "unreachable");
        engine.Setup(w => w.GetInstanceAsync(It.IsAny<string>(), It.IsAny<bool>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new InvalidOperationException("task hub unreachable"));

        var (status, report) = await GetAsync(app.WithServices(services => services.AddSingleton(engine.Object)), Health);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("Unhealthy: InvalidOperationException", Check(report, CommerceHealthChecks.Workflows));
        Assert.Equal("Healthy", Check(report, CommerceHealthChecks.Catalog));
    }

    [Fact]
    public async Task Health_WhenAzureTablesDoNotAnswer_Returns503NamingThem()
    {
        await using var app = new CommerceApp();
        var nothingListens = StorageEndpoints.ForAzurite(FreePort.Next(), FreePort.Next(), FreePort.Next()).ToAzuriteConnectionString();
        var tables = new TableServiceClient(nothingListens);

        var (status, report) = await GetAsync(app.WithServices(services => services
            .AddSingleton(tables)
            .AddSingleton(new AzureStorageTables(tables, "Health"))
            .AddAzureTablesHealthCheck()), Health);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.StartsWith("Unhealthy", Check(report, AzureStorageServiceCollectionExtensions.HealthCheckName), StringComparison.Ordinal);
        Assert.Equal("Healthy", Check(report, CommerceHealthChecks.Workflows));
    }

    [Fact]
    public async Task Health_WhenACheckHangs_AnswersWithinItsTimeoutNamingIt()
    {
        await using var app = new CommerceApp(new Dictionary<string, string?> { ["Commerce:Health:CheckTimeout"] = "00:00:00.500" });
        var hanging = app.WithServices(services => services.AddHealthChecks().AddCheck("hanging", new HangingCheck()));
        var clock = Stopwatch.StartNew();

        var (status, report) = await GetAsync(hanging, Health);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"health answered after {clock.Elapsed}");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("Unhealthy: no answer within 0.5 s", Check(report, "hanging"));
        Assert.Equal("Healthy", Check(report, CommerceHealthChecks.Catalog));
    }

    [Fact]
    public async Task Liveness_WhenADependencyFails_Returns200CheckingNothing()
    {
        await using var app = new CommerceApp();

        var (status, report) = await GetAsync(app.WithServices(services => services.AddSingleton<ICatalog, UnavailableCatalog>()), Liveness);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", report.GetProperty("status").GetString());
        Assert.Empty(Checks(report));
    }

    private static async Task<(HttpStatusCode Status, JsonElement Report)> GetAsync(WebApplicationFactory<Program> app, Uri route)
    {
        using var response = await app.CreateClient().GetAsync(route);
        return (response.StatusCode, await JsonShape.ReadAsync(response));
    }

    private static List<(string, string)> Checks(JsonElement report) =>
        [.. report.GetProperty("checks").EnumerateObject().Select(c => (c.Name, c.Value.GetString()!))];

    private static string? Check(JsonElement report, string name) =>
        report.GetProperty("checks").TryGetProperty(name, out var check) ? check.GetString() : null;

    /// <summary>A dependency that never answers and ignores cancellation, the worst a check can do.</summary>
    private sealed class HangingCheck : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            new TaskCompletionSource<HealthCheckResult>().Task;
    }
}
