using AsyncCommerce.Adapters.AzureStorage;
using AsyncCommerce.Adapters.Cosmos;
using AsyncCommerce.Adapters.InMemory;
using AsyncCommerce.Adapters.ServiceBus;
using AsyncCommerce.Catalog;
using AsyncCommerce.Checkout;
using AsyncCommerce.Inventory;
using AsyncCommerce.Notifications;
using AsyncCommerce.Orders;
using AsyncCommerce.Payments;
using AsyncCommerce.Privacy;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AsyncCommerce.Functions;

/// <summary>
/// The adapters behind the ports, chosen by the storage profile (<see cref="FunctionAppSettings.Storage"/>), and the
/// check that every port has one before the app starts.
/// </summary>
public static class AzureAdapters
{
    /// <summary>Every port the triggers, activities and notification consumers use.</summary>
    public static IReadOnlyList<Type> Ports { get; } =
    [
        typeof(IOrderEventStore),
        typeof(IOrderViewStore),
        typeof(IInventoryStore),
        typeof(IIdempotencyStore),
        typeof(INotificationLog),
        typeof(IOrderEventPublisher),
        typeof(IPaymentGateway),
        typeof(INotificationSender),
        typeof(ICatalog),
        typeof(ICustomerKeyStore),
    ];

    /// <summary>
    /// The stores and the message bus of the storage profile <see cref="FunctionAppSettings.Storage"/> selects:
    /// <see cref="AddAzureAdapters"/> (Cosmos, the default) or <see cref="AddAzureStorageAdapters"/> (AzureStorage).
    /// Register them before <c>AddCommerceFunctionApp</c>, as the local host does: the simulated payment gateway keeps
    /// its ledger in memory only where the profile brings none of its own.
    /// </summary>
    /// <exception cref="InvalidOperationException">The setting names no profile.</exception>
    public static IServiceCollection AddCommerceStorage(this IServiceCollection services, IConfiguration configuration) =>
        FunctionAppSettings.StorageProfileOf(configuration) switch
        {
            StorageProfile.AzureStorage => services.AddAzureStorageAdapters(configuration),
            _ => services.AddAzureAdapters(configuration),
        };

    /// <summary>
    /// The Cosmos profile, where the Azure adapters are wired: the Cosmos DB stores (<c>AddCosmosStores</c>, from
    /// <c>adapters/Cosmos</c>: order events, order views, inventory, idempotency keys, notification log, customer keys), Service
    /// Bus messaging (<c>AddServiceBusMessaging</c>, from <c>adapters/ServiceBus</c>: the order event publisher and the
    /// notification consumers hosted on <c>ServiceBusProcessor</c>), and the change feed publisher that joins them
    /// (<c>AddCosmosOrderEventFeed</c>: the order streams are the outbox, and what is appended is published from
    /// the change feed). Each reads its own section (<c>Cosmos</c>, <c>ServiceBus</c>) and connects with the app's
    /// managed identity. The catalog is static reference data in this profile (<c>AddSeedCatalog</c>).
    /// </summary>
    public static IServiceCollection AddAzureAdapters(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddCosmosStores(configuration);
        services.AddServiceBusMessaging(configuration);
        services.AddCosmosOrderEventFeed();
        services.AddSeedCatalog();
        return services;
    }

    /// <summary>
    /// The AzureStorage profile: every store, the catalog and the simulated gateway's ledger on Azure Tables
    /// (<c>AddAzureStorageStores</c>, section <c>Commerce:AzureStorage</c>; the tables are created and seeded at start),
    /// with the order streams as the outbox and <c>AddOrderEventDispatcher</c> delivering what is appended: no Cosmos DB,
    /// no Service Bus, no change feed. On a developer machine that is Azurite alone.
    /// </summary>
    public static IServiceCollection AddAzureStorageAdapters(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        // Hosted services start in registration order: the tables exist before the dispatcher reads the outbox.
        services.AddAzureStorageStores(configuration);
        services.AddOrderEventDispatcher(configuration);
        return services;
    }

    /// <summary>Throws, naming each port of <see cref="Ports"/> that nothing is registered for.</summary>
    /// <exception cref="InvalidOperationException">A port has no adapter.</exception>
    public static IServiceCollection EnsurePortsRegistered(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var missing = Ports.Where(port => !services.Any(d => d.ServiceType == port)).Select(port => port.Name).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException(
                $"The AsyncCommerce function app cannot start: no adapter is registered for {string.Join(", ", missing)}. " +
                $"{nameof(AddCommerceStorage)} must register the stores and the message bus of the storage profile ({FunctionAppSettings.Storage}).");
        }

        return services;
    }
}
