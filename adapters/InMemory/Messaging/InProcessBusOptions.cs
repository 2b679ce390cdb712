namespace AsyncCommerce.Adapters.InMemory.Messaging;

/// <summary>Bound to <c>Commerce:InProcessBus</c> when the host has configuration.</summary>
public sealed class InProcessBusOptions
{
    public const string Section = "Commerce:InProcessBus";

    /// <summary>Deliveries of one message (the first included) before it is dead-lettered, as on Service Bus.</summary>
    public int MaxDeliveryCount { get; set; } = 5;

    public TimeSpan RedeliveryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Messages handled at once; each order's events stay in one lane, so they stay in order.</summary>
    public int MaxConcurrency { get; set; } = 16;
}
