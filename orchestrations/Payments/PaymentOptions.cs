using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace AsyncCommerce.Payments;

/// <summary>Bound to <c>Commerce:Payment</c>.</summary>
public sealed class PaymentOptions : IValidatableObject
{
    public const string Section = "Commerce:Payment";

    /// <summary>How long an order whose every payment method failed waits for a new one before it is rejected.</summary>
    [SettingRange(typeof(TimeSpan), DurationBounds.Tick, DurationBounds.Max, ErrorMessage = $"{Section}:{nameof(AwaitPaymentMethodTimeout)} must be positive.")]
    public TimeSpan AwaitPaymentMethodTimeout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Attempts per payment method when the gateway fails transiently (the first call included).</summary>
    [SettingRange(1, 20, ErrorMessage = $"{Section}:{nameof(RetryMaxAttempts)} must be between 1 and 20.")]
    public int RetryMaxAttempts { get; set; } = 4;

    [SettingRange(typeof(TimeSpan), DurationBounds.Tick, DurationBounds.Max, ErrorMessage = $"{Section}:{nameof(RetryFirstInterval)} must be positive.")]
    public TimeSpan RetryFirstInterval { get; set; } = TimeSpan.FromSeconds(1);

    [SettingRange(1.0, double.MaxValue, ErrorMessage = $"{Section}:{nameof(RetryBackoffCoefficient)} must be at least 1.")]
    public double RetryBackoffCoefficient { get; set; } = 2.0;

    public TimeSpan RetryMaxInterval { get; set; } = TimeSpan.FromSeconds(30);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (RetryMaxInterval < RetryFirstInterval)
            yield return new($"{Section}:{nameof(RetryMaxInterval)} must be at least {nameof(RetryFirstInterval)}.");
    }
}

[OptionsValidator]
internal sealed partial class PaymentOptionsValidator : IValidateOptions<PaymentOptions>;
