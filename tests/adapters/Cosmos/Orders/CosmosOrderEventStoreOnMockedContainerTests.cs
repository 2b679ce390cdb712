using AsyncCommerce.Adapters.Behaviours.Orders;
using AsyncCommerce.Adapters.Cosmos.Orders;
using AsyncCommerce.Adapters.Cosmos.Tests.Support;
using AsyncCommerce.Orders;

namespace AsyncCommerce.Adapters.Cosmos.Tests.Orders;

/// <summary>
/// The shared OrderEventStoreBehaviour suite against the Cosmos adapter over a Moq container that enforces ETags, 409s and 412s like the
/// service: the adapter's concurrency protocol under real races, without a Cosmos DB.
/// </summary>
public sealed class CosmosOrderEventStoreOnMockedContainerTests : OrderEventStoreBehaviour
{
    protected override Task<IOrderEventStore> CreatePortAsync() => Task.FromResult<IOrderEventStore>(new CosmosOrderEventStore(MockedContainerQueries.ForOrderEvents().Object, MockedContainerQueries.ConflictRetry));
}
