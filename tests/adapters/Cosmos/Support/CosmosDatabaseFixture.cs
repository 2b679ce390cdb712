using Microsoft.Azure.Cosmos;

namespace AsyncCommerce.Adapters.Cosmos.Tests.Support;

/// <summary>
/// A database of its own for this test run on the account of <c>COSMOS_CONNECTION</c>, with the containers of
/// <see cref="CosmosNames.Default"/> (same names, partition keys and TTL as deployed), deleted at the end. Without
/// the variable it does nothing, and the tests that need it report skipped.
/// </summary>
public sealed class CosmosDatabaseFixture : IAsyncLifetime
{
    private CosmosClient? _client;
    private Database? _database;
    private CosmosContainers? _containers;

    /// <summary>The behavioural suites race up to 100 writers on one document; let each of them wait its turn.</summary>
    public static CosmosConflictRetryOptions ConflictRetry { get; } = new() { MaxAttempts = 300, MaxDelay = TimeSpan.FromMilliseconds(250) };

    public CosmosContainers Containers => _containers ?? throw new InvalidOperationException(CosmosTestAccount.SkipReason);

    public async Task InitializeAsync()
    {
        if (!CosmosTestAccount.IsConfigured)
            return;

        var names = CosmosNames.Default;
        _client = CosmosClientFactory.Create(CosmosTestAccount.Options());
        _database = (await _client.CreateDatabaseAsync($"{names.Database}-test-{DateTime.UtcNow:yyyyMMddHHmmss}-{Guid.NewGuid():N}")).Database;
        foreach (var container in new[] { names.OrderEvents, names.OrderViews, names.Notifications, names.Inventory, names.Idempotency, names.Leases, names.CustomerKeys })
            await _database.CreateContainerAsync(new ContainerProperties(container.Name, container.PartitionKey) { DefaultTimeToLive = container.DefaultTimeToLiveSeconds });
        _containers = new CosmosContainers(_database, names);
    }

    public async Task DisposeAsync()
    {
        if (_database is not null)
            await _database.DeleteAsync();
        _client?.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class UsesCosmosDatabase : ICollectionFixture<CosmosDatabaseFixture>
{
    public const string Name = "Cosmos DB test database";
}
