using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace AsyncCommerce.LocalHost.Warmup;

/// <summary>Bound to <c>Commerce:Warmup</c>: the orders a starting host runs through a throwaway instance of itself before it serves (see <see cref="HostWarmup"/>).</summary>
public sealed class WarmupOptions
{
    public const string Section = "Commerce:Warmup";

    /// <summary>How many orders of every kind each round of the warm-up runs; 0 turns it off and the host serves at once, cold.</summary>
    [SettingRange(0, 100_000, ErrorMessage = $"{Section}:{nameof(Orders)} must be between 0 and 100000.")]
    public int Orders { get; set; } = 100;

    /// <summary>
    /// The most rounds of <see cref="Orders"/> orders the warm-up runs; it stops sooner once a round leaves the runtime
    /// (almost) nothing more to compile.
    /// </summary>
    [SettingRange(1, 20, ErrorMessage = $"{Section}:{nameof(Rounds)} must be between 1 and 20.")]
    public int Rounds { get; set; } = 4;

    /// <summary>The longest the warm-up may hold the start; past it the host serves anyway, as warm as it got.</summary>
    [SettingRange(typeof(TimeSpan), "00:00:01", "00:10:00", ErrorMessage = $"{Section}:{nameof(Timeout)} must be between 1 second and 10 minutes.")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(1);
}

[OptionsValidator]
internal sealed partial class WarmupOptionsValidator : IValidateOptions<WarmupOptions>;
