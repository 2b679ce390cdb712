using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace AsyncCommerce.LocalHost.Leveling;

/// <summary>Bound to <c>Commerce:Leveling</c>: how the memory mode's engine gives way to checkouts (see <see cref="EngineAdmission"/>).</summary>
public sealed class LevelingOptions
{
    public const string Section = "Commerce:Leveling";

    /// <summary>Off: the engine takes every work item as it comes, whatever the accept path is doing.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Checkouts being accepted at once above which the engine holds its next work item back (a burst is on).</summary>
    [SettingRange(0, 10_000, ErrorMessage = $"{Section}:{nameof(MaxAcceptsInFlight)} must be between 0 and 10000.")]
    public int MaxAcceptsInFlight { get; set; } = 1;

    /// <summary>The longest the engine's next work item of each kind waits for a burst to end: under a sustained peak the backlog still moves.</summary>
    [SettingRange(typeof(TimeSpan), DurationBounds.Tick, "00:00:10", ErrorMessage = $"{Section}:{nameof(MaxHold)} must be more than zero and at most 10 seconds.")]
    public TimeSpan MaxHold { get; set; } = TimeSpan.FromMilliseconds(20);
}

[OptionsValidator]
internal sealed partial class LevelingOptionsValidator : IValidateOptions<LevelingOptions>;
