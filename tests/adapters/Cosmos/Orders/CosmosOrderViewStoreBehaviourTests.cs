using AsyncCommerce.Adapters.Behaviours.Orders;
using AsyncCommerce.Adapters.Behaviours.Support;
using AsyncCommerce.Adapters.Cosmos.Orders;
using AsyncCommerce.Adapters.Cosmos.Tests.Support;
using AsyncCommerce.Orders;

namespace AsyncCommerce.Adapters.Cosmos.Tests.Orders;

/// <summary>The shared OrderViewStoreBehaviour suite against Cosmos DB (COSMOS_CONNECTION); reported skipped without an account.</summary>
[Collection(UsesCosmosDatabase.Name)]
[RequiresEnvironmentVariable(CosmosTestAccount.Variable, Reason = CosmosTestAccount.SkipReason)]
public sealed class CosmosOrderViewStoreBehaviourTests(CosmosDatabaseFixture database) : OrderViewStoreBehaviour
{
    protected override Task<IOrderViewStore> CreatePortAsync() => Task.FromResult<IOrderViewStore>(new CosmosOrderViewStore(database.Containers.OrderViews, CosmosDatabaseFixture.ConflictRetry));
}
