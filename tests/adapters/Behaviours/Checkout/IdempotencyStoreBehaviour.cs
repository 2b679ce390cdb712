using AsyncCommerce.Adapters.Behaviours.Support;
using AsyncCommerce.Checkout;

namespace AsyncCommerce.Adapters.Behaviours.Checkout;

/// <summary>What every <see cref="IIdempotencyStore"/> does, whatever keeps the keys.</summary>
public abstract class IdempotencyStoreBehaviour : PortBehaviour<IIdempotencyStore>
{
    private readonly string _key = NewId("key");

    [BehaviourFact]
    public async Task Claim_NewKey_StoresAndReturnsTheCandidate()
    {
        var candidate = Record("order-1");

        var claimed = await Port.ClaimAsync(candidate);

        Assert.Equal(candidate, claimed);
        Assert.Equal(candidate, await Port.GetAsync(_key));
    }

    [BehaviourFact]
    public async Task Claim_KnownKey_ReturnsTheStoredRecordUntouched()
    {
        var first = Record("order-1");
        await Port.ClaimAsync(first);

        var claimed = await Port.ClaimAsync(Record("order-2", "another-body"));

        Assert.Equal(first, claimed);
        Assert.Equal(first, await Port.GetAsync(_key));
    }

    [BehaviourFact]
    public async Task Claim_ConcurrentlyForOneKey_HasExactlyOneWinner()
    {
        var candidates = Enumerable.Range(0, 50).Select(index => Record($"order-{index}")).ToArray();

        var claimed = await RaceAsync(candidates.Length, index => Port.ClaimAsync(candidates[index]));

        var stored = Assert.Single(claimed.Distinct());
        Assert.Single(candidates, candidate => candidate == stored);
        Assert.Equal(stored, await Port.GetAsync(_key));
    }

    [BehaviourFact]
    public async Task TryReplace_WhenTheStoredRecordIsTheExpectedOne_Replaces()
    {
        var inProgress = Record("order-1");
        await Port.ClaimAsync(inProgress);
        var completed = inProgress with { State = IdempotencyState.Completed };

        var replaced = await Port.TryReplaceAsync(inProgress, completed);

        Assert.True(replaced);
        Assert.Equal(completed, await Port.GetAsync(_key));
    }

    [BehaviourFact]
    public async Task TryReplace_WhenTheStoredRecordChanged_RefusesAndKeepsIt()
    {
        var inProgress = Record("order-1");
        await Port.ClaimAsync(inProgress);
        var takenOver = inProgress with { OrderId = "order-2", ClaimedAt = inProgress.ClaimedAt.AddMinutes(5) };
        await Port.TryReplaceAsync(inProgress, takenOver);

        var replaced = await Port.TryReplaceAsync(inProgress, inProgress with { State = IdempotencyState.Completed });

        Assert.False(replaced);
        Assert.Equal(takenOver, await Port.GetAsync(_key));
    }

    [BehaviourFact]
    public async Task TryReplace_UnknownKey_ReturnsFalseAndStoresNothing()
    {
        var expected = Record("order-1");

        var replaced = await Port.TryReplaceAsync(expected, expected with { State = IdempotencyState.Completed });

        Assert.False(replaced);
        Assert.Null(await Port.GetAsync(_key));
    }

    [BehaviourFact]
    public async Task TryReplace_ConcurrentlyFromOneExpectedRecord_HasExactlyOneWinner()
    {
        var inProgress = Record("order-1");
        await Port.ClaimAsync(inProgress);
        var takeovers = Enumerable.Range(0, 50).Select(index => inProgress with { OrderId = $"order-takeover-{index}" }).ToArray();

        var outcomes = await RaceAsync(takeovers.Length, index => Port.TryReplaceAsync(inProgress, takeovers[index]));

        Assert.Single(outcomes, replaced => replaced);
        var winner = takeovers[Array.IndexOf(outcomes, true)];
        Assert.Equal(winner, await Port.GetAsync(_key));
    }

    [BehaviourFact]
    public async Task Get_UnknownKey_ReturnsNull()
    {
        Assert.Null(await Port.GetAsync(NewId("key")));
    }

    private IdempotencyRecord Record(string orderId, string fingerprint = "sha256:body") =>
        new(_key, fingerprint, orderId, IdempotencyState.InProgress, OrderFacts.Epoch);
}
