using AsyncCommerce.Payments;

namespace AsyncCommerce.Adapters.Simulated.Payments;

/// <summary>What a test token makes the gateway answer, before an approval gets its authorization id.</summary>
internal sealed record TokenDecision(PaymentOutcome Outcome, string? Reason, bool Deferred)
{
    public static TokenDecision Approve { get; } = new(PaymentOutcome.Approved, null, false);

    public static TokenDecision ApproveDeferred { get; } = new(PaymentOutcome.Approved, null, true);

    public static TokenDecision Decline(string reason) => new(PaymentOutcome.Declined, reason, false);

    public static TokenDecision Transient(string reason) => new(PaymentOutcome.TransientFailure, reason, false);
}
