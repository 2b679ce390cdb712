using Microsoft.Azure.Cosmos;
using Moq;

namespace AsyncCommerce.Adapters.Cosmos.Tests;

public sealed class CosmosNamesTests
{
    [Fact]
    public void Default_IsWhatInfraAzureNamesJsonSays()
    {
        var fromInfra = CosmosNames.Parse(File.ReadAllText(InfraNamesFile()));

        var names = CosmosNames.Default;

        Assert.Equal(fromInfra.Database, names.Database);
        Assert.Equal(
            [fromInfra.OrderEvents, fromInfra.OrderViews, fromInfra.Notifications, fromInfra.Inventory, fromInfra.Idempotency, fromInfra.Leases, fromInfra.CustomerKeys],
            [names.OrderEvents, names.OrderViews, names.Notifications, names.Inventory, names.Idempotency, names.Leases, names.CustomerKeys]);
    }

    [Fact]
    public void Default_PartitionsTheLeaseContainerByIdAsTheChangeFeedProcessorRequires()
    {
        Assert.Equal("/id", CosmosNames.Default.Leases.PartitionKey);
        Assert.Null(CosmosNames.Default.Leases.DefaultTimeToLiveSeconds);
    }

    [Fact]
    public void Default_TurnsTimeToLiveOnForIdempotencyKeysWithoutAContainerDefault()
    {
        // -1: items expire by the ttl each one carries (Commerce:Checkout:IdempotencyRetention), never by a second figure here.
        Assert.Equal(-1, CosmosNames.Default.Idempotency.DefaultTimeToLiveSeconds);
    }

    [Fact]
    public void Containers_OfTheDefaultNames_MatchThePartitionKeysTheStoresWrite()
    {
        var containers = new CosmosContainers(Database().Object, CosmosNames.Default);

        Assert.Equal(CosmosNames.Default.Inventory.Name, containers.Inventory.Id);
        Assert.Equal(CosmosNames.Default.Leases.Name, containers.Leases.Id);
    }

    [Fact]
    public void Containers_WhenTheLeaseContainerIsNotPartitionedById_FailsAtStart()
    {
        var names = CosmosNames.Parse(NamesJson(leasesPartitionKey: "/orderId"));

        var thrown = Assert.Throws<InvalidOperationException>(() => new CosmosContainers(Database().Object, names));

        Assert.Contains("leases is partitioned by /orderId", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Containers_WhenAPartitionKeyDiffersFromWhatItsStoreWrites_FailsAtStart()
    {
        var names = CosmosNames.Parse(NamesJson(inventoryPartitionKey: "/locationId"));

        var thrown = Assert.Throws<InvalidOperationException>(() => new CosmosContainers(Database().Object, names));

        Assert.Contains("/sku", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_WithoutAContainer_NamesWhatIsMissing()
    {
        var json = NamesJson().Replace("\"idempotency\"", "\"other\"", StringComparison.Ordinal);

        var thrown = Assert.Throws<InvalidOperationException>(() => CosmosNames.Parse(json));

        Assert.Contains("cosmos.containers.idempotency", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_WithoutTheLeaseContainer_NamesWhatIsMissing()
    {
        var json = NamesJson().Replace("\"leases\"", "\"other\"", StringComparison.Ordinal);

        var thrown = Assert.Throws<InvalidOperationException>(() => CosmosNames.Parse(json));

        Assert.Contains("cosmos.containers.leases", thrown.Message, StringComparison.Ordinal);
    }

    private static Mock<Database> Database()
    {
        var database = new Mock<Database>();
        database.Setup(d => d.GetContainer(It.IsAny<string>())).Returns((string name) => Mock.Of<Container>(c => c.Id == name));
        return database;
    }

    private static string NamesJson(string inventoryPartitionKey = "/sku", string leasesPartitionKey = "/id") => $$"""
        {
          "cosmos": {
            "database": "commerce",
            "containers": {
              "orderEvents": { "name": "order-events", "partitionKey": "/orderId" },
              "orderViews": { "name": "order-views", "partitionKey": "/orderId" },
              "notifications": { "name": "notifications", "partitionKey": "/orderId" },
              "inventory": { "name": "inventory", "partitionKey": "{{inventoryPartitionKey}}" },
              "idempotency": { "name": "idempotency-keys", "partitionKey": "/id", "defaultTimeToLiveSeconds": 172800 },
              "leases": { "name": "leases", "partitionKey": "{{leasesPartitionKey}}" },
              "customerKeys": { "name": "customer-keys", "partitionKey": "/customerId" }
            }
          }
        }
        """;

    private static string InfraNamesFile()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "infra", "azure-names.json");
            if (File.Exists(candidate))
                return candidate;
        }

        throw new FileNotFoundException("infra/azure-names.json was not found above the test's output directory.");
    }
}
