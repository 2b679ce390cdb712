using AsyncCommerce.Adapters.Behaviours.Orders;
using AsyncCommerce.Adapters.Behaviours.Support;
using AsyncCommerce.Adapters.Cosmos.Orders;
using AsyncCommerce.Adapters.Cosmos.Tests.Support;
using AsyncCommerce.Orders;

namespace AsyncCommerce.Adapters.Cosmos.Tests.Orders;

/// <summary>The shared OrderEventStoreBehaviour suite against Cosmos DB (COSMOS_CONNECTION); reported skipped without an account.</summary>
[Collection(UsesCosmosDatabase.Name)]
[RequiresEnvironmentVariable(CosmosTestAccount.Variable, Reason = CosmosTestAccount.SkipReason)]
public sealed class CosmosOrderEventStoreBehaviourTests(CosmosDatabaseFixture database) : OrderEventStoreBehaviour
{
    protected override Task<IOrderEventStore> CreatePortAsync() => Task.FromResult<IOrderEventStore>(new CosmosOrderEventStore(database.Containers.OrderEvents, CosmosDatabaseFixture.ConflictRetry));
}
