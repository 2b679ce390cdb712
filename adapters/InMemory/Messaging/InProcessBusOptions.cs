using System.ComponentModel.DataAnnotations;
using AsyncCommerce.Notifications;

namespace AsyncCommerce.Adapters.InMemory.Messaging;

/// <summary>Bound to <c>Commerce:InProcessBus</c> when the host has configuration.</summary>
public sealed class InProcessBusOptions
{
    public const string Section = "Commerce:InProcessBus";

    /// <summary>Deliveries of one message (the first included) before it is dead-lettered, as on Service Bus.</summary>
    [SettingRange(1, 100, ErrorMessage = $"{Section}:{nameof(MaxDeliveryCount)} must be between 1 and 100.")]
    public int MaxDeliveryCount { get; set; } = 5;

    [SettingRange(typeof(TimeSpan), DurationBounds.Zero, DurationBounds.Max, ErrorMessage = $"{Section}:{nameof(RedeliveryDelay)} must not be negative.")]
    public TimeSpan RedeliveryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The wait between deliveries of a failed message: <see cref="RedeliveryDelay"/> every time.</summary>
    public RedeliveryBackoff ToRedeliveryBackoff() => RedeliveryBackoff.Fixed(RedeliveryDelay);

    /// <summary>Messages handled at once; each order's events stay in one lane, so they stay in order.</summary>
    [SettingRange(1, 256, ErrorMessage = $"{Section}:{nameof(MaxConcurrency)} must be between 1 and 256.")]
    public int MaxConcurrency { get; set; } = 16;
}
