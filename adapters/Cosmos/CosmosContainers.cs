using AsyncCommerce.Adapters.Cosmos.Checkout;
using AsyncCommerce.Adapters.Cosmos.Inventory;
using AsyncCommerce.Adapters.Cosmos.Notifications;
using AsyncCommerce.Adapters.Cosmos.Orders;
using AsyncCommerce.Adapters.Cosmos.Privacy;
using Microsoft.Azure.Cosmos;

namespace AsyncCommerce.Adapters.Cosmos;

/// <summary>
/// The containers the stores use, named by <see cref="CosmosNames"/>. Each store writes documents for a given
/// partition key path; a mismatch with the deployed names fails here, at start, rather than on the first write.
/// </summary>
public sealed class CosmosContainers
{
    public CosmosContainers(CosmosClient client, CosmosNames names)
        : this((client ?? throw new ArgumentNullException(nameof(client))).GetDatabase(names?.Database ?? throw new ArgumentNullException(nameof(names))), names)
    {
    }

    public CosmosContainers(Database database, CosmosNames names)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(names);
        OrderEvents = Open(database, names.OrderEvents, CosmosOrderEventStore.PartitionKeyPath);
        OrderViews = Open(database, names.OrderViews, CosmosOrderViewStore.PartitionKeyPath);
        Notifications = Open(database, names.Notifications, CosmosNotificationLog.PartitionKeyPath);
        Inventory = Open(database, names.Inventory, CosmosInventoryStore.PartitionKeyPath);
        Idempotency = Open(database, names.Idempotency, CosmosIdempotencyStore.PartitionKeyPath);
        Leases = Open(database, names.Leases, CosmosOrderEventFeed.LeasePartitionKeyPath);
        CustomerKeys = Open(database, names.CustomerKeys, CosmosCustomerKeyStore.PartitionKeyPath);
    }

    public Container OrderEvents { get; }

    public Container OrderViews { get; }

    public Container Notifications { get; }

    public Container Inventory { get; }

    public Container Idempotency { get; }

    /// <summary>Where the change feed processors keep their leases (which instance reads which range, and how far).</summary>
    public Container Leases { get; }

    /// <summary>The customers' data keys: destroying one erases that customer's personal data everywhere.</summary>
    public Container CustomerKeys { get; }

    public IReadOnlyList<Container> All => [OrderEvents, OrderViews, Notifications, Inventory, Idempotency, Leases, CustomerKeys];

    private static Container Open(Database database, CosmosContainerName container, string partitionKeyPath)
    {
        if (!string.Equals(container.PartitionKey, partitionKeyPath, StringComparison.Ordinal))
            throw new InvalidOperationException($"Container {container.Name} is partitioned by {container.PartitionKey}, but its store writes documents for {partitionKeyPath}.");
        return database.GetContainer(container.Name);
    }
}
