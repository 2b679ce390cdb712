using System.ComponentModel.DataAnnotations;
using AsyncCommerce.Checkout;
using Microsoft.Extensions.Options;

namespace AsyncCommerce.Api.Checkout;

/// <summary>Bound to <c>Commerce:Checkout</c>, with the key retention it shares with the stores (<see cref="IdempotencyOptions"/>).</summary>
public sealed class CheckoutOptions : IdempotencyOptions
{
    /// <summary>
    /// How long a request may hold a key while it is being accepted. A host that crashed mid-acceptance
    /// leaves its claim behind; after this lease a retry with the same body takes it over and finishes the job.
    /// </summary>
    [SettingRange(typeof(TimeSpan), DurationBounds.Tick, DurationBounds.Max, ErrorMessage = $"{Section}:{nameof(AcceptanceLease)} must be positive.")]
    public TimeSpan AcceptanceLease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a concurrent duplicate waits for the first request to finish before answering 409.</summary>
    [SettingRange(typeof(TimeSpan), DurationBounds.Zero, DurationBounds.Max, ErrorMessage = $"{Section}:{nameof(DuplicateWait)} must not be negative.")]
    public TimeSpan DuplicateWait { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How often a request waiting for an order to change (<c>Prefer: wait</c>) re-reads it, for changes saved by another
    /// process (hosts sharing a store, a scaled-out Functions app), which this process's change signal does not see. Zero:
    /// never, for a host whose store only it writes (the local host in memory).
    /// </summary>
    [SettingRange(typeof(TimeSpan), DurationBounds.Zero, DurationBounds.Max, ErrorMessage = $"{Section}:{nameof(StatusWaitRecheckInterval)} must not be negative (zero: never re-read).")]
    public TimeSpan StatusWaitRecheckInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The Retry-After a storefront is given with 202, in seconds.</summary>
    [SettingRange(0, int.MaxValue, ErrorMessage = $"{Section}:{nameof(RetryAfterSeconds)} must not be negative.")]
    public int RetryAfterSeconds { get; set; } = 1;
}

[OptionsValidator]
internal sealed partial class CheckoutOptionsValidator : IValidateOptions<CheckoutOptions>;
