using AsyncCommerce.Adapters.Behaviours.Support;
using AsyncCommerce.Adapters.InMemory.Catalog;
using AsyncCommerce.Adapters.InMemory.Checkout;
using AsyncCommerce.Adapters.InMemory.Inventory;
using AsyncCommerce.Adapters.InMemory.Messaging;
using AsyncCommerce.Adapters.InMemory.Notifications;
using AsyncCommerce.Adapters.InMemory.Orders;
using AsyncCommerce.Catalog;
using AsyncCommerce.Checkout;
using AsyncCommerce.Inventory;
using AsyncCommerce.Notifications;
using AsyncCommerce.Orders;
using AsyncCommerce.Privacy;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AsyncCommerce.Adapters.InMemory.Tests;

public sealed class InMemoryAdapterServiceCollectionExtensionsTests
{
    [Fact]
    public void AddInMemoryAdapters_ResolvesEachPortAndItsAdapterToOneInstance()
    {
        using var provider = BuildProvider();

        AssertSameInstance<IInventoryStore, InMemoryInventoryStore>(provider);
        AssertSameInstance<ICatalog, InMemoryCatalog>(provider);
        AssertSameInstance<IOrderEventStore, InMemoryOrderEventStore>(provider);
        AssertSameInstance<IOrderViewStore, InMemoryOrderViewStore>(provider);
        AssertSameInstance<IIdempotencyStore, InMemoryIdempotencyStore>(provider);
        AssertSameInstance<INotificationLog, InMemoryNotificationLog>(provider);
        AssertSameInstance<IOrderEventPublisher, InProcessMessageBus>(provider);
    }

    [Fact]
    public async Task AddInMemoryAdapters_LoadsTheSeedCatalogAndStock()
    {
        using var provider = BuildProvider();

        var catalog = provider.GetRequiredService<ICatalog>();
        var levels = await provider.GetRequiredService<IInventoryStore>().GetLevelsAsync("SKU-1001");

        Assert.Equal(SeedData.Items, await catalog.ListItemsAsync());
        Assert.Equal(SeedData.Stores, await catalog.ListStoresAsync());
        Assert.Equal(["dc-001", "store-001", "store-002", "store-003"], levels.Select(l => l.LocationId));
    }

    [Fact]
    public async Task AddInMemoryAdapters_RunsTheDispatcherAsAHostedService()
    {
        using var provider = BuildProvider();
        var hosted = Assert.Single(provider.GetServices<IHostedService>());
        Assert.IsType<NotificationDispatcher>(hosted);
        await hosted.StartAsync(CancellationToken.None);
        var events = provider.GetRequiredService<IOrderEventStore>();
        var customerKey = await provider.GetRequiredService<ICustomerKeyStore>().GetOrCreateAsync(OrderFacts.CustomerId);
        await events.AppendAsync("order-1", "placed", OrderFacts.Epoch, OrderFacts.Placed(customerKey: customerKey));
        var confirmed = await events.AppendAsync("order-1", "confirmed", OrderFacts.Epoch, new OrderConfirmed(FulfillmentType.Pickup));

        await provider.GetRequiredService<IOrderEventPublisher>().PublishAsync(confirmed);
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await provider.GetRequiredService<InProcessMessageBus>().WaitForIdleAsync(deadline.Token);
        await hosted.StopAsync(CancellationToken.None);

        var record = Assert.Single(await provider.GetRequiredService<INotificationLog>().ListAsync("order-1"));
        Assert.Equal(NotificationKind.OrderConfirmed, record.Kind);
    }

    [Fact]
    public void AddInMemoryAdapters_BindsBusOptionsFromConfiguration()
    {
        using var provider = BuildProvider(new() { ["Commerce:InProcessBus:MaxDeliveryCount"] = "2", ["Commerce:InProcessBus:RedeliveryDelay"] = "00:00:01" });

        var options = provider.GetRequiredService<IOptions<InProcessBusOptions>>().Value;

        Assert.Equal(2, options.MaxDeliveryCount);
        Assert.Equal(TimeSpan.FromSeconds(1), options.RedeliveryDelay);
    }

    [Fact]
    public void AddInMemoryAdapters_WithInvalidBusOptions_FailsValidation()
    {
        using var provider = BuildProvider(new() { ["Commerce:InProcessBus:MaxConcurrency"] = "0" });

        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<InProcessBusOptions>>().Value);
        Assert.Contains("MaxConcurrency", failure.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider BuildProvider(Dictionary<string, string?>? settings = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? []).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddSingleton<INotificationSender>(new ScriptedNotificationSender());
        services.AddCommerceWorkflows(configuration);
        services.AddInMemoryAdapters();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    private static void AssertSameInstance<TPort, TAdapter>(IServiceProvider provider)
        where TPort : class
        where TAdapter : class
    {
        var adapter = provider.GetRequiredService<TAdapter>();
        Assert.Same(adapter, provider.GetRequiredService<TPort>());
        Assert.Same(adapter, provider.GetRequiredService<TAdapter>());
    }
}
