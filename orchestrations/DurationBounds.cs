namespace AsyncCommerce;

/// <summary>
/// Bounds for <c>[Range(typeof(TimeSpan), …)]</c> on duration settings, written as configuration writes durations, so
/// that "must be positive" and "must not be negative" read the same in every options class.
/// </summary>
public static class DurationBounds
{
    public const string Zero = "00:00:00";

    /// <summary>The shortest positive duration: a lower bound of this means "more than zero".</summary>
    public const string Tick = "00:00:00.0000001";

    /// <summary><see cref="TimeSpan.MaxValue"/>: no upper bound.</summary>
    public const string Max = "10675199.02:48:05.4775807";
}
