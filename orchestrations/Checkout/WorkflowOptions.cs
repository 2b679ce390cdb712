namespace AsyncCommerce.Checkout;

/// <summary>Bound to <c>Commerce:Workflow</c>: how the saga retries a step that failed for an infrastructure reason.</summary>
public sealed class WorkflowOptions
{
    public const string Section = "Commerce:Workflow";

    /// <summary>Attempts per step (the first included) before the saga gives the order up and compensates.</summary>
    public int StepRetryMaxAttempts { get; set; } = 5;

    public TimeSpan StepRetryFirstInterval { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan StepRetryMaxInterval { get; set; } = TimeSpan.FromSeconds(30);

    internal IEnumerable<string> Validate()
    {
        if (StepRetryMaxAttempts is < 1 or > 20)
            yield return $"{Section}:{nameof(StepRetryMaxAttempts)} must be between 1 and 20.";
        if (StepRetryFirstInterval <= TimeSpan.Zero)
            yield return $"{Section}:{nameof(StepRetryFirstInterval)} must be positive.";
        if (StepRetryMaxInterval < StepRetryFirstInterval)
            yield return $"{Section}:{nameof(StepRetryMaxInterval)} must be at least {nameof(StepRetryFirstInterval)}.";
    }
}
