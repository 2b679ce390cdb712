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

    [Fact]
    public async Task PurgeOlderThan_DeletesKeysLastChangedBeforeTheCutoffAndKeepsNewerOnes()
    {
        var store = new TableIdempotencyStore(tables.Idempotency, AzuriteTables.ConflictRetry);
        var (first, second) = (Record($"key-{Guid.NewGuid():N}", "order-1"), Record($"key-{Guid.NewGuid():N}", "order-2"));
        await store.ClaimAsync(first);
        await store.ClaimAsync(second);

        // Azurite stamps rows with its own clock, the same machine's: an hour ago is before both claims.
        await store.PurgeOlderThanAsync(DateTimeOffset.UtcNow.AddHours(-1));
        Assert.Equal((first, second), (await store.GetAsync(first.Key), await store.GetAsync(second.Key)));

        var deleted = await store.PurgeOlderThanAsync(DateTimeOffset.UtcNow.AddMinutes(1));

        Assert.True(deleted >= 2, $"Deleted {deleted} key(s).");
        Assert.Equal((null, null), (await store.GetAsync(first.Key), await store.GetAsync(second.Key)));
    }

    private static IdempotencyRecord Record(string key, string orderId) =>
        new(key, "sha256:body", orderId, IdempotencyState.InProgress, OrderFacts.Epoch);
}
