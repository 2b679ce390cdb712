using AsyncCommerce.Adapters.Behaviours.Checkout;
using AsyncCommerce.Adapters.Behaviours.Support;
using AsyncCommerce.Adapters.Cosmos.Checkout;
using AsyncCommerce.Adapters.Cosmos.Tests.Support;
using AsyncCommerce.Checkout;

namespace AsyncCommerce.Adapters.Cosmos.Tests.Checkout;

/// <summary>The shared IdempotencyStoreBehaviour suite against Cosmos DB (COSMOS_CONNECTION); reported skipped without an account.</summary>
[Collection(UsesCosmosDatabase.Name)]
[RequiresEnvironmentVariable(CosmosTestAccount.Variable, Reason = CosmosTestAccount.SkipReason)]
public sealed class CosmosIdempotencyStoreBehaviourTests(CosmosDatabaseFixture database) : IdempotencyStoreBehaviour
{
    protected override Task<IIdempotencyStore> CreatePortAsync() => Task.FromResult<IIdempotencyStore>(new CosmosIdempotencyStore(database.Containers.Idempotency, CosmosDatabaseFixture.ConflictRetry));
}
