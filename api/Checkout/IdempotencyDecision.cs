using AsyncCommerce.Checkout;

namespace AsyncCommerce.Api.Checkout;

/// <summary>What an acceptance does next with its Idempotency-Key, given the record the store holds for it.</summary>
public enum IdempotencyStep
{
    /// <summary>The stored record is this request's own claim: place the order.</summary>
    AcceptAsNew,

    /// <summary>The key's old use is past its retention and forgotten: claim it for this request instead.</summary>
    ReplaceExpired,

    /// <summary>The key was used with another request body: 422, the first order is left alone.</summary>
    RejectDifferentBody,

    /// <summary>The same request was accepted before: answer its 202 again.</summary>
    ReplayAccepted,

    /// <summary>The same request's acceptance stopped mid-way (its host crashed) and its lease lapsed: finish it under its order id.</summary>
    TakeOver,

    /// <summary>The same request is being accepted right now: wait a moment, then read the record again.</summary>
    WaitAndReload,

    /// <summary>The same request is still being accepted after the duplicate wait: 409, retry shortly.</summary>
    GiveUp,
}

/// <summary>
/// The Idempotency-Key's state machine as one pure function, so every branch is tested without a store or a clock;
/// <see cref="CheckoutAcceptance"/> carries out the step it returns. The order of the checks is the contract: an
/// expired key is new whatever body it had, and a different body is refused before a completed order is replayed.
/// </summary>
public static class IdempotencyDecision
{
    public static IdempotencyStep Decide(IdempotencyRecord stored, IdempotencyRecord candidate, DateTimeOffset now, DateTimeOffset waitUntil, CheckoutOptions options)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(options);
        if (stored == candidate)
            return IdempotencyStep.AcceptAsNew;
        if (stored.ClaimedAt + options.IdempotencyRetention < now)
            return IdempotencyStep.ReplaceExpired;
        if (stored.RequestFingerprint != candidate.RequestFingerprint)
            return IdempotencyStep.RejectDifferentBody;
        if (stored.State == IdempotencyState.Completed)
            return IdempotencyStep.ReplayAccepted;
        if (stored.ClaimedAt + options.AcceptanceLease < now)
            return IdempotencyStep.TakeOver;
        return now >= waitUntil ? IdempotencyStep.GiveUp : IdempotencyStep.WaitAndReload;
    }
}
