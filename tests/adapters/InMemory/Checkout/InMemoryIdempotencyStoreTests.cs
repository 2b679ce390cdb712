using AsyncCommerce.Adapters.Behaviours.Checkout;
using AsyncCommerce.Adapters.InMemory.Checkout;
using AsyncCommerce.Checkout;

namespace AsyncCommerce.Adapters.InMemory.Tests.Checkout;

public sealed class InMemoryIdempotencyStoreTests : IdempotencyStoreBehaviour
{
    protected override Task<IIdempotencyStore> CreatePortAsync() => Task.FromResult<IIdempotencyStore>(new InMemoryIdempotencyStore());

    [Fact]
    public async Task TryReplace_WithAnotherKey_Throws()
    {
        var store = new InMemoryIdempotencyStore();
        var expected = new IdempotencyRecord("key-1", "sha256:body", "order-1", IdempotencyState.InProgress, DateTimeOffset.UnixEpoch);

        await Assert.ThrowsAsync<ArgumentException>(() => store.TryReplaceAsync(expected, expected with { Key = "key-2" }));
    }
}
