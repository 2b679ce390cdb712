using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace AsyncCommerce.Pickup;

/// <summary>Bound to <c>Commerce:Pickup</c>.</summary>
public sealed class PickupOptions
{
    public const string Section = "Commerce:Pickup";

    /// <summary>After confirmation, how long the store has to mark the order ready before staff are alerted.</summary>
    [SettingRange(typeof(TimeSpan), DurationBounds.Tick, DurationBounds.Max, ErrorMessage = $"{Section}:{nameof(PreparationDeadline)} must be positive.")]
    public TimeSpan PreparationDeadline { get; set; } = TimeSpan.FromHours(2);

    /// <summary>How long a ready order waits for the customer before it is cancelled and the stock released.</summary>
    [SettingRange(typeof(TimeSpan), DurationBounds.Tick, DurationBounds.Max, ErrorMessage = $"{Section}:{nameof(Window)} must be positive.")]
    public TimeSpan Window { get; set; } = TimeSpan.FromHours(72);

    /// <summary>How long before the window ends the customer is reminded.</summary>
    [SettingRange(typeof(TimeSpan), DurationBounds.Zero, DurationBounds.Max, ErrorMessage = $"{Section}:{nameof(ReminderBeforeExpiry)} must not be negative.")]
    public TimeSpan ReminderBeforeExpiry { get; set; } = TimeSpan.FromHours(24);

}

[OptionsValidator]
internal sealed partial class PickupOptionsValidator : IValidateOptions<PickupOptions>;
