using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace AsyncCommerce.LocalHost.Leveling;

/// <summary>Bound to <c>Commerce:Leveling</c>: how the memory mode admits queued workflow starts (see <see cref="StartAdmission"/>).</summary>
public sealed class LevelingOptions : IValidatableObject
{
    public const string Section = "Commerce:Leveling";

    /// <summary>Off: every workflow is scheduled on the accept path, as with a durable backend.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Checkouts being accepted at once above which queued starts wait (a burst is on).</summary>
    [SettingRange(0, 10_000, ErrorMessage = $"{Section}:{nameof(MaxAcceptsInFlight)} must be between 0 and 10000.")]
    public int MaxAcceptsInFlight { get; set; } = 1;

    /// <summary>The longest a queued start waits for a quiet moment: under a sustained peak the backlog still moves.</summary>
    [SettingRange(typeof(TimeSpan), DurationBounds.Tick, "00:00:10", ErrorMessage = $"{Section}:{nameof(MaxHold)} must be more than zero and at most 10 seconds.")]
    public TimeSpan MaxHold { get; set; } = TimeSpan.FromMilliseconds(20);

    /// <summary>How often a burst is looked at again.</summary>
    [SettingRange(typeof(TimeSpan), DurationBounds.Tick, DurationBounds.Max, ErrorMessage = BusyPollOutOfRange)]
    public TimeSpan BusyPoll { get; set; } = TimeSpan.FromMilliseconds(1);

    private const string BusyPollOutOfRange = $"{Section}:{nameof(BusyPoll)} must be more than zero and at most {nameof(MaxHold)}.";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (BusyPoll > MaxHold)
            yield return new(BusyPollOutOfRange);
    }
}

[OptionsValidator]
internal sealed partial class LevelingOptionsValidator : IValidateOptions<LevelingOptions>;
