namespace AsyncCommerce.Checkout;

/// <summary>
/// Bound to <c>Commerce:Workflow</c>: how the saga retries a step that failed for an infrastructure reason, and how
/// long the engine keeps a finished workflow's history.
/// </summary>
public sealed class WorkflowOptions
{
    public const string Section = "Commerce:Workflow";

    /// <summary>Attempts per step (the first included) before the saga gives the order up and compensates.</summary>
    public int StepRetryMaxAttempts { get; set; } = 5;

    public TimeSpan StepRetryFirstInterval { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan StepRetryMaxInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long the history of a completed, failed or terminated workflow is kept after it was started; older ones are
    /// purged. The history is an execution log (inputs, outputs, every step): the order's event stream is the record,
    /// so purging it loses nothing a customer or an operator needs once the workflow is over.
    /// </summary>
    public TimeSpan HistoryRetention { get; set; } = TimeSpan.FromDays(7);

    internal IEnumerable<string> Validate()
    {
        if (StepRetryMaxAttempts is < 1 or > 20)
            yield return $"{Section}:{nameof(StepRetryMaxAttempts)} must be between 1 and 20.";
        if (StepRetryFirstInterval <= TimeSpan.Zero)
            yield return $"{Section}:{nameof(StepRetryFirstInterval)} must be positive.";
        if (StepRetryMaxInterval < StepRetryFirstInterval)
            yield return $"{Section}:{nameof(StepRetryMaxInterval)} must be at least {nameof(StepRetryFirstInterval)}.";
        if (HistoryRetention <= TimeSpan.Zero)
            yield return $"{Section}:{nameof(HistoryRetention)} must be positive.";
    }
}
