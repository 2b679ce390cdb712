using AsyncCommerce.Adapters.Behaviours.Orders;
using AsyncCommerce.Adapters.Cosmos.Orders;
using AsyncCommerce.Adapters.Cosmos.Tests.Support;
using AsyncCommerce.Orders;

namespace AsyncCommerce.Adapters.Cosmos.Tests.Orders;

/// <summary>
/// The shared OrderViewStoreBehaviour suite against the Cosmos adapter over a Moq container that enforces ETags, 409s and 412s like the
/// service: the adapter's concurrency protocol under real races, without a Cosmos DB.
/// </summary>
public sealed class CosmosOrderViewStoreOnMockedContainerTests : OrderViewStoreBehaviour
{
    protected override Task<IOrderViewStore> CreatePortAsync() => Task.FromResult<IOrderViewStore>(new CosmosOrderViewStore(MockedContainerQueries.ForOrderViews().Object, MockedContainerQueries.ConflictRetry));
}
