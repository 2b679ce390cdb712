using AsyncCommerce.Adapters.AzureStorage.Checkout;
using AsyncCommerce.Adapters.AzureStorage.Tests.Support;
using AsyncCommerce.Adapters.Behaviours.Checkout;
using AsyncCommerce.Checkout;

namespace AsyncCommerce.Adapters.AzureStorage.Tests.Checkout;

/// <summary>The shared IdempotencyStoreBehaviour suite against Azure Tables on Azurite.</summary>
public sealed class TableIdempotencyStoreBehaviourTests(AzuriteTables tables) : IdempotencyStoreBehaviour, IClassFixture<AzuriteTables>
{
    protected override Task<IIdempotencyStore> CreatePortAsync() =>
        Task.FromResult<IIdempotencyStore>(new TableIdempotencyStore(tables.Idempotency, AzuriteTables.ConflictRetry));
}
