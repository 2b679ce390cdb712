using AsyncCommerce.Adapters.Behaviours.Checkout;
using AsyncCommerce.Adapters.Cosmos.Checkout;
using AsyncCommerce.Adapters.Cosmos.Tests.Support;
using AsyncCommerce.Checkout;

namespace AsyncCommerce.Adapters.Cosmos.Tests.Checkout;

/// <summary>
/// The shared IdempotencyStoreBehaviour suite against the Cosmos adapter over a Moq container that enforces ETags, 409s and 412s like the
/// service: the adapter's concurrency protocol under real races, without a Cosmos DB.
/// </summary>
public sealed class CosmosIdempotencyStoreOnMockedContainerTests : IdempotencyStoreBehaviour
{
    protected override Task<IIdempotencyStore> CreatePortAsync() => Task.FromResult<IIdempotencyStore>(new CosmosIdempotencyStore(new RecordingContainer().Serve<IdempotencyDocument>().Object, MockedContainerQueries.ConflictRetry));
}
