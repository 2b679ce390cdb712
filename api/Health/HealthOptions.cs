using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace AsyncCommerce.Api.Health;

/// <summary>How long <c>GET /api/health</c> waits for each dependency (section <c>Commerce:Health</c>).</summary>
public sealed class HealthOptions
{
    public const string Section = "Commerce:Health";

    /// <summary>
    /// Every check runs at once under this limit, so the route answers within about this long whatever hangs: a load
    /// balancer's probe gives up after a few seconds, and an unanswered probe says less than a 503 naming the culprit.
    /// </summary>
    [SettingRange(typeof(TimeSpan), DurationBounds.Tick, "00:00:30", ErrorMessage = $"{Section}:{nameof(CheckTimeout)} must be more than zero and at most 30 seconds.")]
    public TimeSpan CheckTimeout { get; set; } = TimeSpan.FromSeconds(3);
}

[OptionsValidator]
internal sealed partial class HealthOptionsValidator : IValidateOptions<HealthOptions>;
