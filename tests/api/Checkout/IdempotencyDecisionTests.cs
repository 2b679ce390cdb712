using AsyncCommerce.Api.Checkout;
using AsyncCommerce.Checkout;

namespace AsyncCommerce.Api.Tests.Checkout;

/// <summary>Every branch of the Idempotency-Key's state machine, and the edges of its retention, lease and duplicate wait.</summary>
public sealed class IdempotencyDecisionTests
{
    private const string Body = "fingerprint-of-the-body";
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly CheckoutOptions Options = new() { IdempotencyRetention = TimeSpan.FromHours(24), AcceptanceLease = TimeSpan.FromSeconds(30) };
    private static readonly DateTimeOffset WaitUntil = Now + TimeSpan.FromSeconds(5);
    private static readonly IdempotencyRecord Candidate = new("checkout-key-1", Body, "ord_candidate", IdempotencyState.InProgress, Now);

    [Fact]
    public void Decide_StoredRecordIsTheCandidate_AcceptsAsNew()
    {
        Assert.Equal(IdempotencyStep.AcceptAsNew, Decide(Candidate));
    }

    [Theory]
    [InlineData(IdempotencyState.Completed, Body)]
    [InlineData(IdempotencyState.InProgress, Body)]
    [InlineData(IdempotencyState.Completed, "fingerprint-of-another-body")]
    public void Decide_StoredPastItsRetention_ReplacesTheExpiredUse(IdempotencyState state, string fingerprint)
    {
        var forgotten = Stored(state, Options.IdempotencyRetention + TimeSpan.FromTicks(1), fingerprint);

        Assert.Equal(IdempotencyStep.ReplaceExpired, Decide(forgotten));
    }

    [Fact]
    public void Decide_CompletedExactlyAtItsRetention_ReplaysTheAcceptedOrder()
    {
        Assert.Equal(IdempotencyStep.ReplayAccepted, Decide(Stored(IdempotencyState.Completed, Options.IdempotencyRetention)));
    }

    [Theory]
    [InlineData(IdempotencyState.Completed)]
    [InlineData(IdempotencyState.InProgress)]
    public void Decide_StoredWithAnotherBody_RejectsTheDifferentBody(IdempotencyState state)
    {
        var other = Stored(state, TimeSpan.FromMinutes(1), "fingerprint-of-another-body");

        Assert.Equal(IdempotencyStep.RejectDifferentBody, Decide(other));
    }

    [Fact]
    public void Decide_SameBodyCompleted_ReplaysTheAcceptedOrder()
    {
        Assert.Equal(IdempotencyStep.ReplayAccepted, Decide(Stored(IdempotencyState.Completed, TimeSpan.FromSeconds(1))));
    }

    [Fact]
    public void Decide_SameBodyCompletedPastTheLease_ReplaysRatherThanTakesOver()
    {
        Assert.Equal(IdempotencyStep.ReplayAccepted, Decide(Stored(IdempotencyState.Completed, Options.AcceptanceLease + TimeSpan.FromMinutes(1))));
    }

    [Fact]
    public void Decide_SameBodyInProgressPastItsLease_TakesOver()
    {
        Assert.Equal(IdempotencyStep.TakeOver, Decide(Stored(IdempotencyState.InProgress, Options.AcceptanceLease + TimeSpan.FromTicks(1))));
    }

    [Fact]
    public void Decide_SameBodyInProgressExactlyAtItsLease_WaitsAndReloads()
    {
        Assert.Equal(IdempotencyStep.WaitAndReload, Decide(Stored(IdempotencyState.InProgress, Options.AcceptanceLease)));
    }

    [Fact]
    public void Decide_SameBodyInProgressWithinItsLease_WaitsAndReloads()
    {
        Assert.Equal(IdempotencyStep.WaitAndReload, Decide(Stored(IdempotencyState.InProgress, TimeSpan.FromSeconds(1))));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void Decide_SameBodyInProgressWhenTheDuplicateWaitIsOver_GivesUp(int secondsPastTheWait)
    {
        var inFlight = Stored(IdempotencyState.InProgress, TimeSpan.FromSeconds(1));

        var step = IdempotencyDecision.Decide(inFlight, Candidate, WaitUntil + TimeSpan.FromSeconds(secondsPastTheWait), WaitUntil, Options);

        Assert.Equal(IdempotencyStep.GiveUp, step);
    }

    private static IdempotencyStep Decide(IdempotencyRecord stored) => IdempotencyDecision.Decide(stored, Candidate, Now, WaitUntil, Options);

    /// <summary>The record an earlier request left for the candidate's key, claimed <paramref name="age"/> before now.</summary>
    private static IdempotencyRecord Stored(IdempotencyState state, TimeSpan age, string fingerprint = Body) =>
        new(Candidate.Key, fingerprint, "ord_first", state, Now - age);
}
