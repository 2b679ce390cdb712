namespace AsyncCommerce.LocalHost.Tests.OpenApi;

/// <summary>
/// A storefront that only has the served document: Kiota generates its C# client, it compiles, and whole orders go
/// through it, with every exchange checked against the same document by the host.
/// </summary>
public sealed class GeneratedClientTests(GeneratedClient client) : IClassFixture<GeneratedClient>
{
    [Fact]
    public async Task KiotaClient_PickupOrder_IsCheckedOutMadeReadyAndCollectedWithItsCode()
    {
        var output = await client.RunFlowAsync("pickup");

        Assert.Contains("pickup flow completed order ord_", output, StringComparison.Ordinal);
        Assert.Empty(client.Violations);
    }

    [Fact]
    public async Task KiotaClient_DeliveryWhoseCardDeclines_IsPaidByTheWalletAndCompleted()
    {
        var output = await client.RunFlowAsync("delivery");

        Assert.Contains("delivery flow completed order ord_", output, StringComparison.Ordinal);
        Assert.Empty(client.Violations);
    }
}
