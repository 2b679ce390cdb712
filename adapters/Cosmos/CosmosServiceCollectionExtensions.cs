using AsyncCommerce.Adapters.Cosmos.Checkout;
using AsyncCommerce.Adapters.Cosmos.Inventory;
using AsyncCommerce.Adapters.Cosmos.Notifications;
using AsyncCommerce.Adapters.Cosmos.Orders;
using AsyncCommerce.Adapters.Cosmos.Privacy;
using AsyncCommerce.Checkout;
using AsyncCommerce.Inventory;
using AsyncCommerce.Notifications;
using AsyncCommerce.Orders;
using AsyncCommerce.Privacy;
using Azure.Core;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AsyncCommerce.Adapters.Cosmos;

public static class CosmosServiceCollectionExtensions
{
    /// <summary>The name <c>GET /api/health</c> reports Cosmos DB under.</summary>
    public const string HealthCheckName = "cosmos";

    /// <summary>
    /// The storage ports on Cosmos DB: <see cref="IOrderEventStore"/>, <see cref="IOrderViewStore"/>,
    /// <see cref="IInventoryStore"/>, <see cref="IIdempotencyStore"/>, <see cref="INotificationLog"/> and
    /// <see cref="ICustomerKeyStore"/>, each a
    /// singleton resolvable by its port and its own type, over one <see cref="CosmosClient"/> configured from the
    /// <c>Cosmos</c> section (validated on start) and the containers of <see cref="CosmosNames.Default"/>. A
    /// <see cref="TokenCredential"/> registered before this call replaces <c>DefaultAzureCredential</c>. Call it after
    /// <c>AddInMemoryAdapters</c> to move those ports to Cosmos DB.
    /// </summary>
    public static IServiceCollection AddCosmosStores(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<CosmosOptions>().Bind(configuration.GetSection(CosmosOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CosmosOptions>, CosmosOptionsValidation>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(CosmosNames.Default);
        services.TryAddSingleton(provider => CosmosClientFactory.Create(Options(provider), provider.GetService<TokenCredential>()));
        services.TryAddSingleton(provider => new CosmosContainers(provider.GetRequiredService<CosmosClient>(), provider.GetRequiredService<CosmosNames>()));

        AddStore<IOrderEventStore, CosmosOrderEventStore>(services, (provider, containers) => new(containers.OrderEvents, ConflictRetry(provider), Time(provider)));
        AddStore<IOrderViewStore, CosmosOrderViewStore>(services, (provider, containers) => new(containers.OrderViews, ConflictRetry(provider), Time(provider)));
        AddStore<IInventoryStore, CosmosInventoryStore>(services, (provider, containers) => new(containers.Inventory, ConflictRetry(provider), Time(provider)));
        AddStore<IIdempotencyStore, CosmosIdempotencyStore>(services, (provider, containers) => new(containers.Idempotency, ConflictRetry(provider), Time(provider), IdempotencyRetention(provider)));
        AddStore<INotificationLog, CosmosNotificationLog>(services, (_, containers) => new(containers.Notifications));
        AddStore<ICustomerKeyStore, CosmosCustomerKeyStore>(services, (_, containers) => new(containers.CustomerKeys));
        services.AddHostedService<CosmosInventorySeeder>();
        return services.AddCosmosHealthCheck();
    }

    /// <summary>
    /// The <c>cosmos</c> check of <c>GET /api/health</c>: every container of the registered <see cref="CosmosContainers"/>
    /// answers a read of its properties. <see cref="AddCosmosStores"/> adds it.
    /// </summary>
    public static IServiceCollection AddCosmosHealthCheck(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddHealthChecks().AddCheck<CosmosHealthCheck>(HealthCheckName);
        return services;
    }

    /// <summary>
    /// Publishes the order streams from the change feed of the order-events container (the stream is the outbox): a
    /// hosted <see cref="Microsoft.Azure.Cosmos.ChangeFeedProcessor"/> that hands every appended event to the
    /// registered <see cref="IOrderEventPublisher"/>, in order per order, at least once. Call it after
    /// <see cref="AddCosmosStores"/> (it reads the same <c>Cosmos</c> settings and containers, plus the lease
    /// container) and after the publisher's registration (<c>AddServiceBusMessaging</c>).
    /// </summary>
    /// <exception cref="InvalidOperationException"><see cref="AddCosmosStores"/> was not called first.</exception>
    public static IServiceCollection AddCosmosOrderEventFeed(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (!services.Any(descriptor => descriptor.ServiceType == typeof(CosmosContainers)))
            throw new InvalidOperationException($"{nameof(AddCosmosOrderEventFeed)} publishes what the Cosmos DB order event store appends: call {nameof(AddCosmosStores)} first.");

        services.TryAddSingleton<OrderEventFeedPublisher>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, CosmosOrderEventFeed>());
        return services;
    }

    private static CosmosOptions Options(IServiceProvider provider) => provider.GetRequiredService<IOptions<CosmosOptions>>().Value;

    private static CosmosConflictRetryOptions ConflictRetry(IServiceProvider provider) => Options(provider).ConflictRetry;

    private static TimeProvider Time(IServiceProvider provider) => provider.GetRequiredService<TimeProvider>();

    // The host binds and validates Commerce:Checkout (AddCommerceWorkflows); unbound, it is the contract's default.
    private static TimeSpan IdempotencyRetention(IServiceProvider provider) => provider.GetRequiredService<IOptions<IdempotencyOptions>>().Value.IdempotencyRetention;

    private static void AddStore<TPort, TStore>(IServiceCollection services, Func<IServiceProvider, CosmosContainers, TStore> create)
        where TPort : class
        where TStore : class, TPort
    {
        services.AddSingleton(provider => create(provider, provider.GetRequiredService<CosmosContainers>()));
        services.AddSingleton<TPort>(provider => provider.GetRequiredService<TStore>());
    }
}
