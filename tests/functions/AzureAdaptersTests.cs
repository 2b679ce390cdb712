using AsyncCommerce.Notifications;
using AsyncCommerce.Orders;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AsyncCommerce.Functions.Tests;

public sealed class AzureAdaptersTests
{
    [Fact]
    public void AddAzureAdapters_WithEmulatorSettings_PutsCosmosAndServiceBusBehindThePortsAndResolvesEveryFunction()
    {
        // Syntactically valid emulator-style connection strings; nothing connects while the host is only built.
        var dummyKey = Convert.ToBase64String(new byte[64]);
        var builder = FunctionsApplication.CreateBuilder([]);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ServiceBus:connectionString"] = $"Endpoint=sb://localhost;SharedAccessKeyName=test;SharedAccessKey={dummyKey};UseDevelopmentEmulator=true;",
            ["Cosmos:connectionString"] = $"AccountEndpoint=https://localhost:8081/;AccountKey={dummyKey};",
        });
        builder.ConfigureFunctionsWebApplication();
        builder.Services.AddCommerceFunctionApp(builder.Configuration).AddAzureAdapters(builder.Configuration).EnsurePortsRegistered();

        using var host = builder.Build();

        Assert.StartsWith("Cosmos", host.Services.GetRequiredService<IOrderViewStore>().GetType().Name, StringComparison.Ordinal);
        Assert.StartsWith("ServiceBus", host.Services.GetRequiredService<IOrderEventPublisher>().GetType().Name, StringComparison.Ordinal);
        // The order streams are the outbox: the change feed publisher is hosted (registered here, never started).
        Assert.Contains(builder.Services, d => d.ServiceType == typeof(IHostedService) && d.ImplementationType?.Name == "CosmosOrderEventFeed");
        foreach (var activity in CommerceTasks.Activities)
            Assert.NotNull(ActivatorUtilities.GetServiceOrCreateInstance(host.Services, activity));
        Assert.NotNull(ActivatorUtilities.CreateInstance<AsyncCommerce.Functions.Checkout.CheckoutFunctions>(host.Services));
        Assert.NotNull(ActivatorUtilities.CreateInstance<AsyncCommerce.Functions.Workflows.WorkflowHistoryFunctions>(host.Services));
    }
}
