namespace AsyncCommerce.Payments;

/// <summary>Bound to <c>Commerce:Payment</c>.</summary>
public sealed class PaymentOptions
{
    public const string Section = "Commerce:Payment";

    /// <summary>How long an order whose every payment method failed waits for a new one before it is rejected.</summary>
    public TimeSpan AwaitPaymentMethodTimeout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Attempts per payment method when the gateway fails transiently (the first call included).</summary>
    public int RetryMaxAttempts { get; set; } = 4;

    public TimeSpan RetryFirstInterval { get; set; } = TimeSpan.FromSeconds(1);

    public double RetryBackoffCoefficient { get; set; } = 2.0;

    public TimeSpan RetryMaxInterval { get; set; } = TimeSpan.FromSeconds(30);

    internal IEnumerable<string> Validate()
    {
        if (AwaitPaymentMethodTimeout <= TimeSpan.Zero)
            yield return $"{Section}:{nameof(AwaitPaymentMethodTimeout)} must be positive.";
        if (RetryMaxAttempts is < 1 or > 20)
            yield return $"{Section}:{nameof(RetryMaxAttempts)} must be between 1 and 20.";
        if (RetryFirstInterval <= TimeSpan.Zero)
            yield return $"{Section}:{nameof(RetryFirstInterval)} must be positive.";
        if (RetryBackoffCoefficient < 1.0)
            yield return $"{Section}:{nameof(RetryBackoffCoefficient)} must be at least 1.";
        if (RetryMaxInterval < RetryFirstInterval)
            yield return $"{Section}:{nameof(RetryMaxInterval)} must be at least {nameof(RetryFirstInterval)}.";
    }
}
