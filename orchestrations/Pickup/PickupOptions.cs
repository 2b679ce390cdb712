namespace AsyncCommerce.Pickup;

/// <summary>Bound to <c>Commerce:Pickup</c>.</summary>
public sealed class PickupOptions
{
    public const string Section = "Commerce:Pickup";

    /// <summary>After confirmation, how long the store has to mark the order ready before staff are alerted.</summary>
    public TimeSpan PreparationDeadline { get; set; } = TimeSpan.FromHours(2);

    /// <summary>How long a ready order waits for the customer before it is cancelled and the stock released.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromHours(72);

    /// <summary>How long before the window ends the customer is reminded.</summary>
    public TimeSpan ReminderBeforeExpiry { get; set; } = TimeSpan.FromHours(24);

    internal IEnumerable<string> Validate()
    {
        if (PreparationDeadline <= TimeSpan.Zero)
            yield return $"{Section}:{nameof(PreparationDeadline)} must be positive.";
        if (Window <= TimeSpan.Zero)
            yield return $"{Section}:{nameof(Window)} must be positive.";
        if (ReminderBeforeExpiry < TimeSpan.Zero)
            yield return $"{Section}:{nameof(ReminderBeforeExpiry)} must not be negative.";
    }
}
