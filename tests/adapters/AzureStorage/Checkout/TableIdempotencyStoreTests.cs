using AsyncCommerce.Adapters.AzureStorage.Checkout;
using AsyncCommerce.Adapters.AzureStorage.Tests.Support;
using AsyncCommerce.Adapters.Behaviours.Support;
using AsyncCommerce.Checkout;

namespace AsyncCommerce.Adapters.AzureStorage.Tests.Checkout;

public sealed class TableIdempotencyStoreTests(AzuriteTables tables) : IClassFixture<AzuriteTables>
{
    [Fact]
    public async Task Claim_KeysThatDifferOnlyInHowTheyWouldBeEscaped_AreSeparateKeys()
    {
        var store = new TableIdempotencyStore(tables.Idempotency, AzuriteTables.ConflictRetry);
        var suffix = Guid.NewGuid().ToString("N");
        var slashed = Record($"key/1#?\\{suffix}", "order-1");
        var lookalike = Record($"key%002F1%0023%003F%005C{suffix}", "order-2");

        Assert.Equal(slashed, await store.ClaimAsync(slashed));
        Assert.Equal(lookalike, await store.ClaimAsync(lookalike));

        Assert.Equal(slashed, await store.GetAsync(slashed.Key));
        Assert.Equal(lookalike, await store.GetAsync(lookalike.Key));
    }

    [Fact]
    public async Task Get_ReturnsClaimedAtWithTheOffsetItWasClaimedWith()
    {
        var store = new TableIdempotencyStore(tables.Idempotency, AzuriteTables.ConflictRetry);
        var claimed = Record($"key-{Guid.NewGuid():N}", "order-1") with { ClaimedAt = OrderFacts.Epoch.ToOffset(TimeSpan.FromHours(-5)).AddTicks(7) };
        await store.ClaimAsync(claimed);

        var stored = await store.GetAsync(claimed.Key);

        Assert.Equal((claimed.ClaimedAt.Ticks, claimed.ClaimedAt.Offset), (stored?.ClaimedAt.Ticks, stored?.ClaimedAt.Offset));
    }

    private static IdempotencyRecord Record(string key, string orderId) =>
        new(key, "sha256:body", orderId, IdempotencyState.InProgress, OrderFacts.Epoch);
}
