using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace AsyncCommerce.Checkout;

/// <summary>
/// Bound to <c>Commerce:Checkout</c>: how long an Idempotency-Key is remembered. One setting for both ends of a key's
/// life: the API replays a key within it and treats an older one as new, and a store without a time to live of its own
/// (Azure Tables) deletes the keys older than it. The API's checkout options extend this class, so the setting is
/// declared, defaulted and checked here alone.
/// </summary>
public class IdempotencyOptions
{
    public const string Section = "Commerce:Checkout";

    /// <summary>How long an Idempotency-Key is remembered (the contract promises at least 24 hours).</summary>
    [SettingRange(typeof(TimeSpan), "1.00:00:00", DurationBounds.Max, ErrorMessage = $"{Section}:{nameof(IdempotencyRetention)} must be at least 24 hours (the contract promises it).")]
    public TimeSpan IdempotencyRetention { get; set; } = TimeSpan.FromHours(24);
}

[OptionsValidator]
internal sealed partial class IdempotencyOptionsValidator : IValidateOptions<IdempotencyOptions>;
