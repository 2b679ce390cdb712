using AsyncCommerce.Adapters.AzureStorage;
using AsyncCommerce.Adapters.AzureStorage.Catalog;
using AsyncCommerce.Adapters.AzureStorage.Checkout;
using AsyncCommerce.Adapters.AzureStorage.Inventory;
using AsyncCommerce.Adapters.AzureStorage.Notifications;
using AsyncCommerce.Adapters.AzureStorage.Orders;
using AsyncCommerce.Adapters.AzureStorage.Payments;
using AsyncCommerce.Adapters.Cosmos;
using AsyncCommerce.Adapters.ServiceBus;
using AsyncCommerce.Adapters.Simulated.Payments;
using AsyncCommerce.Api.Health;
using AsyncCommerce.Catalog;
using AsyncCommerce.Checkout;
using AsyncCommerce.Inventory;
using AsyncCommerce.Notifications;
using AsyncCommerce.Orders;
using AsyncCommerce.Testing;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Moq;

namespace AsyncCommerce.Functions.Tests;

public sealed class AzureAdaptersTests
{
    // The namespaces of the Cosmos profile's adapters and the SDKs they bring; none belongs in the AzureStorage profile.
    private static readonly string[] CosmosProfileNamespaces =
        ["AsyncCommerce.Adapters.Cosmos", "AsyncCommerce.Adapters.ServiceBus", "Microsoft.Azure.Cosmos", "Azure.Messaging.ServiceBus"];

    [Fact]
    public void AddCommerceStorage_WithoutAProfile_PutsCosmosAndServiceBusBehindThePortsAndResolvesEveryFunction()
    {
        // Syntactically valid emulator-style connection strings; nothing connects while the host is only built.
        var dummyKey = Convert.ToBase64String(new byte[64]);
        var builder = WorkerHost(new()
        {
            ["ServiceBus:connectionString"] = $"Endpoint=sb://localhost;SharedAccessKeyName=test;SharedAccessKey={dummyKey};UseDevelopmentEmulator=true;",
            ["Cosmos:connectionString"] = $"AccountEndpoint=https://localhost:8081/;AccountKey={dummyKey};",
        });

        using var host = builder.Build();

        Assert.StartsWith("Cosmos", host.Services.GetRequiredService<IOrderViewStore>().GetType().Name, StringComparison.Ordinal);
        Assert.StartsWith("ServiceBus", host.Services.GetRequiredService<IOrderEventPublisher>().GetType().Name, StringComparison.Ordinal);
        Assert.IsType<FixedCatalog>(host.Services.GetRequiredService<ICatalog>());
        // The order streams are the outbox: the change feed publisher is hosted (registered here, never started).
        Assert.Contains(builder.Services, d => d.ServiceType == typeof(IHostedService) && d.ImplementationType?.Name == "CosmosOrderEventFeed");
        Assert.DoesNotContain(builder.Services, d => d.ServiceType == typeof(OrderEventDispatcher));
        AssertEveryFunctionResolves(host.Services);
    }

    [Fact]
    public void AddCommerceStorage_AzureStorageProfile_PutsTheTablesStoresAloneBehindThePorts()
    {
        var builder = WorkerHost(AzureStorageProfile(connectionString: "UseDevelopmentStorage=true", taskHub: "AsyncCommerce"));

        using var host = builder.Build();

        var services = host.Services;
        Assert.IsType<TableOrderEventStore>(services.GetRequiredService<IOrderEventStore>());
        Assert.IsType<TableOrderEventStore>(services.GetRequiredService<IOrderEventOutbox>());
        Assert.IsType<TableOrderViewStore>(services.GetRequiredService<IOrderViewStore>());
        Assert.IsType<TableInventoryStore>(services.GetRequiredService<IInventoryStore>());
        Assert.IsType<TableIdempotencyStore>(services.GetRequiredService<IIdempotencyStore>());
        Assert.IsType<TableNotificationLog>(services.GetRequiredService<INotificationLog>());
        Assert.IsType<TableCatalog>(services.GetRequiredService<ICatalog>());
        Assert.IsType<TablePaymentLedger>(services.GetRequiredService<ISimulatedPaymentLedger>());
        Assert.IsType<InlineNotificationPublisher>(services.GetRequiredService<IOrderEventPublisher>());

        // One adapter per port: no in-memory catalog or ledger left behind the Tables ones.
        Assert.All(AzureAdapters.Ports.Append(typeof(ISimulatedPaymentLedger)), port => Assert.Single(builder.Services, d => d.ServiceType == port));
        var hostedByFactory = builder.Services.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationFactory is not null).Select(d => d.ImplementationFactory!(services)).ToList();
        Assert.Single(hostedByFactory.OfType<OrderEventDispatcher>());
        Assert.Contains(builder.Services, d => d.ServiceType == typeof(IHostedService) && d.ImplementationType?.Name == "AzureStorageInitializer");
        Assert.DoesNotContain(builder.Services, d => FromCosmosProfile(d.ServiceType) || FromCosmosProfile(d.ImplementationType));
        Assert.DoesNotContain(hostedByFactory, hosted => FromCosmosProfile(hosted.GetType()));
        AssertEveryFunctionResolves(services);
    }

    [Fact]
    public async Task AddCommerceStorage_AzureStorageProfileOnAzurite_CreatesAndSeedsTheTablesWhenTheWorkerStarts()
    {
        var settings = AzureStorageProfile(await TestAzurite.ConnectionStringAsync(), TestAzurite.NewTaskHub("fa"));
        using var host = WithoutTheFunctionsHostChannel(WorkerHost(settings)).Build();
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var catalog = host.Services.GetRequiredService<ICatalog>();

        await host.StartAsync(deadline.Token);
        try
        {
            var items = await catalog.ListItemsAsync(deadline.Token);
            var stores = await catalog.ListStoresAsync(deadline.Token);

            Assert.Equal(SeedData.Items.Select(i => i.Sku).Order(StringComparer.Ordinal), items.Select(i => i.Sku).Order(StringComparer.Ordinal));
            Assert.Equal(SeedData.Stores.Select(s => s.StoreId).Order(StringComparer.Ordinal), stores.Select(s => s.StoreId).Order(StringComparer.Ordinal));
            Assert.Single(host.Services.GetServices<IHostedService>().OfType<OrderEventDispatcher>());
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public void AddCommerceStorage_WithoutAProfile_ChecksCosmosAndServiceBusForHealth()
    {
        var dummyKey = Convert.ToBase64String(new byte[64]);
        using var host = WorkerHost(new()
        {
            ["ServiceBus:connectionString"] = $"Endpoint=sb://localhost;SharedAccessKeyName=test;SharedAccessKey={dummyKey};UseDevelopmentEmulator=true;",
            ["Cosmos:connectionString"] = $"AccountEndpoint=https://localhost:8081/;AccountKey={dummyKey};",
        }).Build();

        Assert.Equal(
            new[] { CommerceHealthChecks.Catalog, CosmosServiceCollectionExtensions.HealthCheckName, ServiceBusServiceCollectionExtensions.HealthCheckName }.Order(StringComparer.Ordinal),
            HealthCheckNames(host.Services));
    }

    [Fact]
    public void AddCommerceStorage_AzureStorageProfile_ChecksTheTablesForHealth()
    {
        using var host = WorkerHost(AzureStorageProfile(connectionString: "UseDevelopmentStorage=true", taskHub: "AsyncCommerce")).Build();

        Assert.Equal(
            new[] { CommerceHealthChecks.Catalog, AzureStorageServiceCollectionExtensions.HealthCheckName }.Order(StringComparer.Ordinal),
            HealthCheckNames(host.Services));
    }

    [Fact]
    public async Task AddCommerceStorage_AzureStorageProfileOnAzurite_ReportsTheTablesHealthy()
    {
        var settings = AzureStorageProfile(await TestAzurite.ConnectionStringAsync(), TestAzurite.NewTaskHub("fh"));
        using var host = WithoutTheFunctionsHostChannel(WorkerHost(settings)).Build();
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var engine = new Mock<DurableTaskClient>(MockBehavior.Loose, "test");

        await host.StartAsync(deadline.Token);
        try
        {
            var report = await host.Services.GetRequiredService<HealthProbe>().CheckAsync(engine.Object, deadline.Token);

            Assert.Equal("Healthy", report.Checks[AzureStorageServiceCollectionExtensions.HealthCheckName]);
            Assert.Equal("Healthy", report.Status);
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }

    private static List<string> HealthCheckNames(IServiceProvider services) =>
        [.. services.GetRequiredService<IOptions<HealthCheckServiceOptions>>().Value.Registrations.Select(r => r.Name).Order(StringComparer.Ordinal)];

    /// <summary>The worker host as Program builds it (settings checked apart: these tests name their own task hub).</summary>
    private static FunctionsApplicationBuilder WorkerHost(Dictionary<string, string?> settings)
    {
        var builder = FunctionsApplication.CreateBuilder([]);
        builder.Configuration.AddInMemoryCollection(settings);
        builder.ConfigureFunctionsWebApplication();
        builder.Services.AddCommerceStorage(builder.Configuration).AddCommerceFunctionApp(builder.Configuration).EnsurePortsRegistered();
        return builder;
    }

    /// <summary>
    /// The worker host less its gRPC channel to the Functions host (<c>WorkerHostedService</c>), which needs a running
    /// <c>func</c> to connect to (<c>Functions:Worker:HostEndpoint</c>): everything else starts as under <c>func start</c>.
    /// </summary>
    private static FunctionsApplicationBuilder WithoutTheFunctionsHostChannel(FunctionsApplicationBuilder builder)
    {
        var channel = builder.Services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType?.FullName == "Microsoft.Azure.Functions.Worker.WorkerHostedService");
        builder.Services.Remove(channel);
        return builder;
    }

    private static Dictionary<string, string?> AzureStorageProfile(string connectionString, string taskHub) => new()
    {
        ["Commerce:Storage"] = "AzureStorage",
        ["Commerce:AzureStorage:ConnectionString"] = connectionString,
        ["Commerce:AzureStorage:TaskHub"] = taskHub,
    };

    private static bool FromCosmosProfile(Type? type) =>
        type?.Namespace is { } ns && CosmosProfileNamespaces.Any(prefix => ns.StartsWith(prefix, StringComparison.Ordinal));

    private static void AssertEveryFunctionResolves(IServiceProvider services)
    {
        foreach (var activity in CommerceTasks.Activities)
            Assert.NotNull(ActivatorUtilities.GetServiceOrCreateInstance(services, activity));
        Assert.NotNull(ActivatorUtilities.CreateInstance<AsyncCommerce.Functions.Checkout.CheckoutFunctions>(services));
        Assert.NotNull(ActivatorUtilities.CreateInstance<AsyncCommerce.Functions.Workflows.WorkflowHistoryFunctions>(services));
    }
}
