using AsyncCommerce.Adapters.InMemory.Catalog;
using AsyncCommerce.Adapters.InMemory.Checkout;
using AsyncCommerce.Adapters.InMemory.Inventory;
using AsyncCommerce.Adapters.InMemory.Messaging;
using AsyncCommerce.Adapters.InMemory.Notifications;
using AsyncCommerce.Adapters.InMemory.Orders;
using AsyncCommerce.Adapters.InMemory.Privacy;
using AsyncCommerce.Catalog;
using AsyncCommerce.Checkout;
using AsyncCommerce.Inventory;
using AsyncCommerce.Notifications;
using AsyncCommerce.Orders;
using AsyncCommerce.Privacy;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AsyncCommerce.Adapters.InMemory;

public static class InMemoryAdapterServiceCollectionExtensions
{
    /// <summary>
    /// Every storage port and the message bus in memory, loaded with <see cref="SeedData"/>; the
    /// <see cref="NotificationDispatcher"/> runs as a hosted service. Each adapter is one singleton,
    /// resolvable by its port and by its own type (tests read the bus's dead letters that way).
    /// </summary>
    public static IServiceCollection AddInMemoryAdapters(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);

        AddSingleton<IInventoryStore, InMemoryInventoryStore>(services, _ => new InMemoryInventoryStore(SeedData.InitialStock));
        services.AddSeedCatalog();
        AddSingleton<IOrderEventStore, InMemoryOrderEventStore>(services, _ => new InMemoryOrderEventStore());
        services.AddSingleton<IOrderEventOutbox>(provider => provider.GetRequiredService<InMemoryOrderEventStore>());
        AddSingleton<IOrderViewStore, InMemoryOrderViewStore>(services, _ => new InMemoryOrderViewStore());
        AddSingleton<IIdempotencyStore, InMemoryIdempotencyStore>(services, _ => new InMemoryIdempotencyStore());
        AddSingleton<INotificationLog, InMemoryNotificationLog>(services, _ => new InMemoryNotificationLog());
        AddSingleton<ICustomerKeyStore, InMemoryCustomerKeyStore>(services, _ => new InMemoryCustomerKeyStore());
        AddInProcessBus(services);
        return services;
    }

    /// <summary>
    /// The catalog and store directory from <see cref="SeedData"/>: static reference data, used on its own by hosts
    /// whose other stores are not in memory (the Functions app).
    /// </summary>
    public static IServiceCollection AddSeedCatalog(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        AddSingleton<ICatalog, InMemoryCatalog>(services, _ => new InMemoryCatalog(SeedData.Items, SeedData.Stores));
        return services;
    }

    private static void AddInProcessBus(IServiceCollection services)
    {
        // Hosts bind the options from configuration; a bare container (a test) gets the defaults.
        services.AddOptions<InProcessBusOptions>()
            .Configure<IServiceProvider>((options, provider) => provider.GetService<IConfiguration>()?.GetSection(InProcessBusOptions.Section).Bind(options))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<InProcessBusOptions>, InProcessBusOptionsValidation>();
        AddSingleton<IOrderEventPublisher, InProcessMessageBus>(services, provider => new InProcessMessageBus(provider.GetRequiredService<IOptions<InProcessBusOptions>>()));
        services.AddHostedService<NotificationDispatcher>();
    }

    private static void AddSingleton<TPort, TAdapter>(IServiceCollection services, Func<IServiceProvider, TAdapter> create)
        where TPort : class
        where TAdapter : class, TPort
    {
        services.AddSingleton(create);
        services.AddSingleton<TPort>(provider => provider.GetRequiredService<TAdapter>());
    }
}
