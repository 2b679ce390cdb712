using AsyncCommerce.Adapters.AzureStorage;
using AsyncCommerce.Api;
using AsyncCommerce.Functions.Tests.Support;

namespace AsyncCommerce.Functions.Tests;

public sealed class HostJsonTests
{
    private static readonly System.Text.Json.JsonElement Host = FunctionAppFiles.HostJson();

    [Fact]
    public void HostJson_ServesTheApiUnderTheSharedPrefix() =>
        Assert.Equal(CommerceRoutes.Prefix, Host.GetProperty("extensions").GetProperty("http").GetProperty("routePrefix").GetString());

    [Fact]
    public void HostJson_NamesTheTaskHubAndLimitsConcurrency()
    {
        var durable = Host.GetProperty("extensions").GetProperty("durableTask");

        Assert.Matches("^[A-Za-z][A-Za-z0-9]{2,44}$", durable.GetProperty("hubName").GetString());
        Assert.InRange(durable.GetProperty("maxConcurrentActivityFunctions").GetInt32(), 1, 100);
        Assert.InRange(durable.GetProperty("maxConcurrentOrchestratorFunctions").GetInt32(), 1, 100);
    }

    [Fact]
    public void HostJson_TaskHub_IsTheOneTheAzureStorageProfilesTablesAreNamedAfter()
    {
        var hub = Host.GetProperty("extensions").GetProperty("durableTask").GetProperty("hubName").GetString();

        Assert.Equal(FunctionAppSettings.DurableTaskHubName, hub);
        Assert.Equal(hub, new AzureStorageOptions().TaskHub); // The tables' prefix when Commerce__AzureStorage__TaskHub is unset.
    }

    [Fact]
    public void HostJson_NeverTracesOrchestrationInputs()
    {
        // Checkout inputs carry payment tokens; the contract says they are never logged.
        var tracing = Host.GetProperty("extensions").GetProperty("durableTask").GetProperty("tracing");

        Assert.False(tracing.GetProperty("traceInputsAndOutputs").GetBoolean());
    }
}
