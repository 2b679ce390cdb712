using AsyncCommerce.Adapters.Behaviours.Inventory;
using AsyncCommerce.Adapters.Cosmos.Inventory;
using AsyncCommerce.Adapters.Cosmos.Tests.Support;
using AsyncCommerce.Inventory;

namespace AsyncCommerce.Adapters.Cosmos.Tests.Inventory;

/// <summary>
/// The shared InventoryStoreBehaviour suite against the Cosmos adapter over a Moq container that enforces ETags, 409s and 412s like the
/// service: the adapter's concurrency protocol under real races, without a Cosmos DB.
/// </summary>
public sealed class CosmosInventoryStoreOnMockedContainerTests : InventoryStoreBehaviour
{
    protected override Task<IInventoryStore> CreatePortAsync() => Task.FromResult<IInventoryStore>(new CosmosInventoryStore(MockedContainerQueries.ForInventory().Object, MockedContainerQueries.ConflictRetry));
}
