using System.Text.Json;

namespace AsyncCommerce.Adapters.Cosmos;

/// <summary>
/// The Cosmos DB database and containers as <c>infra/azure-names.json</c> names them: the Bicep deploys them from
/// that file and this adapter reads the same file (embedded at build time), so a rename happens in one place.
/// </summary>
public sealed class CosmosNames
{
    private const string ResourceName = "azure-names.json";

    private CosmosNames(string database, Containers containers)
    {
        Database = database;
        OrderEvents = containers.OrderEvents;
        OrderViews = containers.OrderViews;
        Notifications = containers.Notifications;
        Inventory = containers.Inventory;
        Idempotency = containers.Idempotency;
        Leases = containers.Leases;
        CustomerKeys = containers.CustomerKeys;
    }

    /// <summary>The names embedded in this assembly from <c>infra/azure-names.json</c>.</summary>
    public static CosmosNames Default { get; } = LoadEmbedded();

    public string Database { get; }

    public CosmosContainerName OrderEvents { get; }

    public CosmosContainerName OrderViews { get; }

    public CosmosContainerName Notifications { get; }

    public CosmosContainerName Inventory { get; }

    public CosmosContainerName Idempotency { get; }

    /// <summary>The change feed processors' lease container (partitioned by <c>/id</c>, as the processor requires).</summary>
    public CosmosContainerName Leases { get; }

    public CosmosContainerName CustomerKeys { get; }

    /// <summary>Reads the <c>cosmos</c> section of an <c>azure-names.json</c> document.</summary>
    /// <exception cref="InvalidOperationException">A name the adapter needs is missing.</exception>
    public static CosmosNames Parse(string azureNamesJson)
    {
        ArgumentException.ThrowIfNullOrEmpty(azureNamesJson);
        var file = JsonSerializer.Deserialize<NamesFile>(azureNamesJson, CommerceJsonDefaults.Options);
        var cosmos = file?.Cosmos ?? throw Missing("cosmos");
        var containers = cosmos.Containers ?? throw Missing("cosmos.containers");
        return new CosmosNames(
            Required(cosmos.Database, "cosmos.database"),
            new Containers(
                Container(containers.OrderEvents, "orderEvents"),
                Container(containers.OrderViews, "orderViews"),
                Container(containers.Notifications, "notifications"),
                Container(containers.Inventory, "inventory"),
                Container(containers.Idempotency, "idempotency"),
                Container(containers.Leases, "leases"),
                Container(containers.CustomerKeys, "customerKeys")));
    }

    private static CosmosNames LoadEmbedded()
    {
        using var stream = typeof(CosmosNames).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from {typeof(CosmosNames).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    private static CosmosContainerName Container(ContainerEntry? entry, string key)
    {
        var path = $"cosmos.containers.{key}";
        if (entry is null)
            throw Missing(path);
        return new CosmosContainerName(Required(entry.Name, $"{path}.name"), Required(entry.PartitionKey, $"{path}.partitionKey"), entry.DefaultTimeToLiveSeconds);
    }

    private static string Required(string? value, string path) => string.IsNullOrWhiteSpace(value) ? throw Missing(path) : value;

    private static InvalidOperationException Missing(string path) => new($"{ResourceName} has no {path}.");

    private sealed record Containers(
        CosmosContainerName OrderEvents,
        CosmosContainerName OrderViews,
        CosmosContainerName Notifications,
        CosmosContainerName Inventory,
        CosmosContainerName Idempotency,
        CosmosContainerName Leases,
        CosmosContainerName CustomerKeys);

    private sealed record NamesFile(CosmosSection? Cosmos);

    private sealed record CosmosSection(string? Database, ContainersSection? Containers);

    private sealed record ContainersSection(
        ContainerEntry? OrderEvents,
        ContainerEntry? OrderViews,
        ContainerEntry? Notifications,
        ContainerEntry? Inventory,
        ContainerEntry? Idempotency,
        ContainerEntry? Leases,
        ContainerEntry? CustomerKeys);

    private sealed record ContainerEntry(string? Name, string? PartitionKey, int? DefaultTimeToLiveSeconds);
}

/// <summary>One container: its name, its partition key path and, where set, the default time to live of its items.</summary>
public sealed record CosmosContainerName(string Name, string PartitionKey, int? DefaultTimeToLiveSeconds);
