namespace AsyncCommerce.Adapters.ServiceBus.Settlement;

public enum SettlementAction
{
    /// <summary>Handled (or nothing to do): the broker deletes the message.</summary>
    Complete,

    /// <summary>Failed for now: the broker redelivers it, and dead-letters it after the subscription's max delivery count.</summary>
    Abandon,

    /// <summary>Never handleable: moved to the subscription's dead-letter queue with a reason, for a person to look at.</summary>
    DeadLetter,
}

/// <summary>What a handler decided to do with a received message, and why.</summary>
public sealed record SettlementDecision(SettlementAction Action, string? Reason = null, string? Description = null)
{
    /// <summary>The broker keeps at most this much of a dead-letter description; longer texts are cut.</summary>
    public const int MaxDescriptionLength = 1024;

    public static SettlementDecision Completed { get; } = new(SettlementAction.Complete);

    public static SettlementDecision Abandoned(string reason, string description) =>
        new(SettlementAction.Abandon, reason, Cut(description));

    public static SettlementDecision DeadLettered(string reason, string description) =>
        new(SettlementAction.DeadLetter, reason, Cut(description));

    private static string Cut(string description) =>
        description.Length <= MaxDescriptionLength ? description : description[..MaxDescriptionLength];
}
