using AsyncCommerce.Adapters.AzureStorage.Catalog;
using AsyncCommerce.Adapters.AzureStorage.Checkout;
using AsyncCommerce.Adapters.AzureStorage.Inventory;
using AsyncCommerce.Adapters.AzureStorage.Notifications;
using AsyncCommerce.Adapters.AzureStorage.Orders;
using AsyncCommerce.Adapters.AzureStorage.Payments;
using AsyncCommerce.Adapters.AzureStorage.Privacy;
using AsyncCommerce.Adapters.Simulated.Payments;
using AsyncCommerce.Catalog;
using AsyncCommerce.Checkout;
using AsyncCommerce.Inventory;
using AsyncCommerce.Notifications;
using AsyncCommerce.Orders;
using AsyncCommerce.Privacy;
using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AsyncCommerce.Adapters.AzureStorage;

public static class AzureStorageServiceCollectionExtensions
{
    /// <summary>The name <c>GET /api/health</c> reports Azure Tables under.</summary>
    public const string HealthCheckName = "tables";

    /// <summary>
    /// Every storage port on Azure Tables in the account of <c>Commerce:AzureStorage:ConnectionString</c>, in the tables
    /// of <c>Commerce:AzureStorage:TaskHub</c> (created, and the catalog and stock seeded where missing, before the host
    /// serves), including the simulated payment gateway's ledger. The order streams are the outbox, and the message bus
    /// is <see cref="InlineNotificationPublisher"/>: notifications are delivered from the outbox itself, so nothing
    /// appended is lost however the process ends. Each store is one singleton, resolvable by its port and its own type.
    /// </summary>
    public static IServiceCollection AddAzureStorageStores(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<AzureStorageOptions>().Bind(configuration.GetSection(AzureStorageOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AzureStorageOptions>, AzureStorageOptionsValidation>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider => new TableServiceClient(Options(provider).ConnectionString));
        services.TryAddSingleton(provider => new AzureStorageTables(provider.GetRequiredService<TableServiceClient>(), Options(provider).TaskHub));

        AddStore<IOrderEventStore, TableOrderEventStore>(services, (tables, time) => new(tables.OrderEvents, tables.Outbox, timeProvider: time));
        services.AddSingleton<IOrderEventOutbox>(provider => provider.GetRequiredService<TableOrderEventStore>());
        AddStore<IOrderViewStore, TableOrderViewStore>(services, (tables, time) => new(tables.OrderViews, tables.PickupQueue, timeProvider: time));
        AddStore<IInventoryStore, TableInventoryStore>(services, (tables, time) => new(tables.Stock, timeProvider: time));
        AddStore<IIdempotencyStore, TableIdempotencyStore>(services, (tables, time) => new(tables.IdempotencyKeys, timeProvider: time));
        AddStore<INotificationLog, TableNotificationLog>(services, (tables, _) => new(tables.Notifications));
        AddStore<ICatalog, TableCatalog>(services, (tables, _) => new(tables.Catalog));
        AddStore<ICustomerKeyStore, TableCustomerKeyStore>(services, (tables, _) => new(tables.CustomerKeys));
        AddStore<ISimulatedPaymentLedger, TablePaymentLedger>(services, (tables, time) => new(tables.PaymentLedger, timeProvider: time));
        services.AddSingleton<IOrderEventPublisher, InlineNotificationPublisher>();
        services.AddHostedService<AzureStorageInitializer>();
        services.AddHostedService<IdempotencyKeyPurger>();
        return services.AddAzureTablesHealthCheck();
    }

    /// <summary>
    /// The <c>tables</c> check of <c>GET /api/health</c>: the registered <see cref="TableServiceClient"/> lists every table
    /// of the registered <see cref="AzureStorageTables"/>. <see cref="AddAzureStorageStores"/> adds it.
    /// </summary>
    public static IServiceCollection AddAzureTablesHealthCheck(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddHealthChecks().AddCheck<AzureTablesHealthCheck>(HealthCheckName);
        return services;
    }

    private static AzureStorageOptions Options(IServiceProvider provider) => provider.GetRequiredService<IOptions<AzureStorageOptions>>().Value;

    private static void AddStore<TPort, TStore>(IServiceCollection services, Func<AzureStorageTables, TimeProvider, TStore> create)
        where TPort : class
        where TStore : class, TPort
    {
        services.AddSingleton(provider => create(provider.GetRequiredService<AzureStorageTables>(), provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton<TPort>(provider => provider.GetRequiredService<TStore>());
    }
}
