using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace AsyncCommerce.Orders;

/// <summary>Bound to <c>Commerce:Outbox</c>: how appended order events are published to the message bus.</summary>
public sealed class OutboxOptions : IValidatableObject
{
    public const string Section = "Commerce:Outbox";

    /// <summary>How often the outbox is read when nothing in this process nudged it (events appended by another process).</summary>
    [SettingRange(typeof(TimeSpan), DurationBounds.Tick, "00:05:00", ErrorMessage = $"{Section}:{nameof(PollInterval)} must be more than zero and at most 5 minutes.")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long a round waits after the first nudge, so that the events appended meanwhile (the next steps of the same
    /// orders, other orders) share its outbox read and its marks: fewer storage requests per event, for a little
    /// notification latency. Zero publishes at once.
    /// </summary>
    [SettingRange(typeof(TimeSpan), DurationBounds.Zero, DurationBounds.Max, ErrorMessage = CoalesceOutOfRange)]
    public TimeSpan Coalesce { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>First wait after a failed publish; it doubles up to <see cref="MaxRetryDelay"/> while the bus stays down.</summary>
    [SettingRange(typeof(TimeSpan), DurationBounds.Tick, DurationBounds.Max, ErrorMessage = $"{Section}:{nameof(RetryDelay)} must be more than zero.")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Streams taken from the outbox per round.</summary>
    [SettingRange(1, 10_000, ErrorMessage = $"{Section}:{nameof(BatchSize)} must be between 1 and 10000.")]
    public int BatchSize { get; set; } = 256;

    /// <summary>Streams published at once; each stream's events still go out in order.</summary>
    [SettingRange(1, 256, ErrorMessage = $"{Section}:{nameof(MaxConcurrency)} must be between 1 and 256.")]
    public int MaxConcurrency { get; set; } = 16;

    private const string CoalesceOutOfRange = $"{Section}:{nameof(Coalesce)} must be between zero and {nameof(PollInterval)}.";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Coalesce > PollInterval)
            yield return new(CoalesceOutOfRange);
        if (MaxRetryDelay < RetryDelay)
            yield return new($"{Section}:{nameof(MaxRetryDelay)} must be at least {nameof(RetryDelay)}.");
    }
}

[OptionsValidator]
internal sealed partial class OutboxOptionsValidator : IValidateOptions<OutboxOptions>;
