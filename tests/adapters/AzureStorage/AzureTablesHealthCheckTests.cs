using AsyncCommerce.Adapters.AzureStorage.Azurite;
using AsyncCommerce.Testing;
using Azure.Data.Tables;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AsyncCommerce.Adapters.AzureStorage.Tests;

/// <summary>The tables check on the test Azurite: every table of the hub must be there, and a dead endpoint is named.</summary>
public sealed class AzureTablesHealthCheckTests
{
    [Fact]
    public async Task Check_WhenEveryTableOfTheHubExists_IsHealthy()
    {
        var service = new TableServiceClient(await TestAzurite.ConnectionStringAsync());
        var tables = new AzureStorageTables(service, TestAzurite.NewTaskHub("hc"));
        await tables.CreateIfNotExistAsync();
        try
        {
            var result = await new AzureTablesHealthCheck(service, tables).CheckHealthAsync(new HealthCheckContext());

            Assert.Equal(HealthStatus.Healthy, result.Status);
        }
        finally
        {
            foreach (var table in tables.All)
                await table.DeleteAsync();
        }
    }

    [Fact]
    public async Task Check_WhenATableIsMissing_NamesIt()
    {
        var service = new TableServiceClient(await TestAzurite.ConnectionStringAsync());
        var tables = new AzureStorageTables(service, TestAzurite.NewTaskHub("hc"));
        await tables.Stock.CreateAsync();
        try
        {
            var result = await new AzureTablesHealthCheck(service, tables).CheckHealthAsync(new HealthCheckContext());

            Assert.Equal(HealthStatus.Unhealthy, result.Status);
            Assert.Contains(tables.Catalog.Name, result.Description, StringComparison.Ordinal);
            Assert.DoesNotContain(tables.Stock.Name, result.Description, StringComparison.Ordinal);
        }
        finally
        {
            await tables.Stock.DeleteAsync();
        }
    }

    [Fact]
    public async Task Check_WhenNothingListensOnTheEndpoint_SaysItDidNotAnswer()
    {
        var port = FreePort.Next();
        var endpoints = StorageEndpoints.ForAzurite(FreePort.Next(), FreePort.Next(), port);
        var options = new TableClientOptions();
        options.Retry.MaxRetries = 0;
        var credential = new TableSharedKeyCredential(StorageEndpoints.DevelopmentAccountName, StorageEndpoints.DevelopmentAccountKey);
        var service = new TableServiceClient(endpoints.Table, credential, options);

        var result = await new AzureTablesHealthCheck(service, new AzureStorageTables(service, "Down")).CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Equal($"table service at 127.0.0.1:{port} did not answer", result.Description);
    }
}
