using System.Net;
using System.Text.Json;
using AsyncCommerce.Adapters.AzureStorage;
using AsyncCommerce.Api.Health;
using AsyncCommerce.Testing;

namespace AsyncCommerce.LocalHost.Tests.Storage;

/// <summary>In azurite mode the health route also checks Azure Tables, and the workflows check reaches Durable's Azure Storage backend.</summary>
[Collection(AzuriteHosts.Name)]
public sealed class AzuriteHealthTests
{
    [Fact]
    public async Task Health_InAzuriteMode_ChecksTheTablesAndTheAzureStorageBackend()
    {
        await using var app = new CommerceApp(await AzuriteHostSettings.ForAsync(TestAzurite.NewTaskHub("health")));
        using var http = app.CreateClient();

        using var response = await http.GetAsync(new Uri("/api/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(
            [(CommerceHealthChecks.Catalog, "Healthy"), (AzureStorageServiceCollectionExtensions.HealthCheckName, "Healthy"), (CommerceHealthChecks.Workflows, "Healthy")],
            report.RootElement.GetProperty("checks").EnumerateObject().Select(c => (c.Name, c.Value.GetString())));
    }
}
