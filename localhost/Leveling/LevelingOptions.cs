using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace AsyncCommerce.LocalHost.Leveling;

/// <summary>Bound to <c>Commerce:Leveling</c>: how the memory mode's engine gives way to checkouts (see <see cref="EngineAdmission"/>).</summary>
public sealed class LevelingOptions
{
    public const string Section = "Commerce:Leveling";

    /// <summary>Off: the engine takes every work item as it comes, whatever the accept path is doing.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Checkouts a second, over <see cref="BurstWindow"/>, above which a burst is on and the engine holds its next work
    /// item back. Below it the engine runs as checkouts come (it completes about 400 delivery orders/s on 2 cores).
    /// </summary>
    [SettingRange(1, 1_000_000, ErrorMessage = $"{Section}:{nameof(BurstRate)} must be between 1 and 1000000.")]
    public int BurstRate { get; set; } = 200;

    /// <summary>How far back arrivals count towards <see cref="BurstRate"/>; also how long a burst outlasts its last checkout.</summary>
    [SettingRange(typeof(TimeSpan), "00:00:00.001", "00:00:10", ErrorMessage = $"{Section}:{nameof(BurstWindow)} must be between 1 ms and 10 seconds.")]
    public TimeSpan BurstWindow { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The longest the engine's next work item of each kind waits for a burst to end: under a sustained peak the backlog still moves.</summary>
    [SettingRange(typeof(TimeSpan), DurationBounds.Tick, "00:00:10", ErrorMessage = $"{Section}:{nameof(MaxHold)} must be more than zero and at most 10 seconds.")]
    public TimeSpan MaxHold { get; set; } = TimeSpan.FromMilliseconds(20);
}

[OptionsValidator]
internal sealed partial class LevelingOptionsValidator : IValidateOptions<LevelingOptions>;
