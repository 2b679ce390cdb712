using AsyncCommerce.Adapters.AzureStorage.Azurite;
using AsyncCommerce.Testing;

namespace AsyncCommerce.Adapters.AzureStorage.Tests.Azurite;

public sealed class StorageEndpointsTests
{
    [Fact]
    public void Parse_DevelopmentStorage_IsAzuriteOnItsStandardPorts()
    {
        var endpoints = StorageEndpoints.Parse("UseDevelopmentStorage=true")!;

        Assert.Equal(new Uri("http://127.0.0.1:10002/devstoreaccount1"), endpoints.Table);
        Assert.Equal([10000, 10001, 10002], new[] { endpoints.Blob.Port, endpoints.Queue.Port, endpoints.Table.Port });
        Assert.True(endpoints.AreLocal);
    }

    [Fact]
    public void Parse_AccountWithoutExplicitEndpoints_IsTheAccountsPublicEndpointsAndNotLocal()
    {
        var endpoints = StorageEndpoints.Parse("DefaultEndpointsProtocol=https;AccountName=shop;AccountKey=a2V5;EndpointSuffix=core.windows.net")!;

        Assert.Equal(new Uri("https://shop.table.core.windows.net"), endpoints.Table);
        Assert.False(endpoints.AreLocal);
    }

    [Fact]
    public void Parse_AzuriteConnectionString_RoundTripsItsEndpoints()
    {
        var azurite = StorageEndpoints.ForAzurite(20000, 20001, 20002);

        Assert.Equal(azurite, StorageEndpoints.Parse(azurite.ToAzuriteConnectionString()));
    }

    [Fact]
    public void Parse_NotAConnectionString_IsNull() => Assert.Null(StorageEndpoints.Parse("just words"));

    [Fact]
    public async Task TestAzurite_IsRunningAndAnswers()
    {
        var endpoints = StorageEndpoints.Parse(await TestAzurite.ConnectionStringAsync())!;

        Assert.True(await AzuriteEmulator.AnswersAsync(endpoints));
    }
}
