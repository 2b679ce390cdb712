using AsyncCommerce.Adapters.Behaviours.Inventory;
using AsyncCommerce.Adapters.Behaviours.Support;
using AsyncCommerce.Adapters.Cosmos.Inventory;
using AsyncCommerce.Adapters.Cosmos.Tests.Support;
using AsyncCommerce.Inventory;

namespace AsyncCommerce.Adapters.Cosmos.Tests.Inventory;

/// <summary>The shared InventoryStoreBehaviour suite against Cosmos DB (COSMOS_CONNECTION); reported skipped without an account.</summary>
[Collection(UsesCosmosDatabase.Name)]
[RequiresEnvironmentVariable(CosmosTestAccount.Variable, Reason = CosmosTestAccount.SkipReason)]
public sealed class CosmosInventoryStoreBehaviourTests(CosmosDatabaseFixture database) : InventoryStoreBehaviour
{
    protected override Task<IInventoryStore> CreatePortAsync() => Task.FromResult<IInventoryStore>(new CosmosInventoryStore(database.Containers.Inventory, CosmosDatabaseFixture.ConflictRetry));
}
