using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace AsyncCommerce.Checkout;

/// <summary>
/// Bound to <c>Commerce:Workflow</c>: how the saga retries a step that failed for an infrastructure reason, and how
/// long the engine keeps a finished workflow's history.
/// </summary>
public sealed class WorkflowOptions : IValidatableObject
{
    public const string Section = "Commerce:Workflow";

    /// <summary>Attempts per step (the first included) before the saga gives the order up and compensates.</summary>
    [SettingRange(1, 20, ErrorMessage = $"{Section}:{nameof(StepRetryMaxAttempts)} must be between 1 and 20.")]
    public int StepRetryMaxAttempts { get; set; } = 5;

    [SettingRange(typeof(TimeSpan), DurationBounds.Tick, DurationBounds.Max, ErrorMessage = $"{Section}:{nameof(StepRetryFirstInterval)} must be positive.")]
    public TimeSpan StepRetryFirstInterval { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan StepRetryMaxInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long the history of a completed, failed or terminated workflow is kept after it was started; older ones are
    /// purged. The history is an execution log (inputs, outputs, every step): the order's event stream is the record,
    /// so purging it loses nothing a customer or an operator needs once the workflow is over.
    /// </summary>
    [SettingRange(typeof(TimeSpan), DurationBounds.Tick, DurationBounds.Max, ErrorMessage = $"{Section}:{nameof(HistoryRetention)} must be positive.")]
    public TimeSpan HistoryRetention { get; set; } = TimeSpan.FromDays(7);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (StepRetryMaxInterval < StepRetryFirstInterval)
            yield return new($"{Section}:{nameof(StepRetryMaxInterval)} must be at least {nameof(StepRetryFirstInterval)}.");
    }
}

[OptionsValidator]
internal sealed partial class WorkflowOptionsValidator : IValidateOptions<WorkflowOptions>;
