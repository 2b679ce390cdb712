using AsyncCommerce.Adapters.Cosmos;
using AsyncCommerce.Adapters.ServiceBus;
using AsyncCommerce.Catalog;
using AsyncCommerce.Checkout;
using AsyncCommerce.Inventory;
using AsyncCommerce.Notifications;
using AsyncCommerce.Orders;
using AsyncCommerce.Payments;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AsyncCommerce.Functions;

/// <summary>The Azure adapters behind the ports, and the check that every port has one before the app starts.</summary>
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
    ];

    /// <summary>
    /// The one place where the Azure adapters are wired: the Cosmos DB stores (<c>AddCosmosStores</c>, from
    /// <c>adapters/Cosmos</c>: order events, order views, inventory, idempotency keys, notification log), Service
    /// Bus messaging (<c>AddServiceBusMessaging</c>, from <c>adapters/ServiceBus</c>: the order event publisher and the
    /// notification consumers hosted on <c>ServiceBusProcessor</c>), and the change feed publisher that joins them
    /// (<c>AddCosmosOrderEventFeed</c>: the order streams are the outbox, and what is appended is published from
    /// the change feed). Each reads its own section (<c>Cosmos</c>, <c>ServiceBus</c>) and connects with the app's
    /// managed identity.
    /// </summary>
    public static IServiceCollection AddAzureAdapters(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddCosmosStores(configuration);
        services.AddServiceBusMessaging(configuration);
        services.AddCosmosOrderEventFeed();
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
                $"{nameof(AddAzureAdapters)} must register the Cosmos DB stores and Service Bus messaging.");
        }

        return services;
    }
}
