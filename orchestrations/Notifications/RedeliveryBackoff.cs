namespace AsyncCommerce.Notifications;

/// <summary>
/// How long a notification whose delivery failed waits before it is delivered again: <paramref name="FirstDelay"/>
/// after the first failed delivery, doubling with each further one up to <paramref name="MaxDelay"/> (equal bounds make
/// it a fixed wait). One definition for both buses: the in-process bus's Polly retry waits it between its own
/// deliveries, and the Service Bus handler waits it before abandoning a message to the broker's redelivery, a loop
/// that runs across deliveries and so outside any Polly pipeline. Each bus's options validate the bounds.
/// </summary>
public sealed record RedeliveryBackoff(TimeSpan FirstDelay, TimeSpan MaxDelay)
{
    // Past 2^30 times any positive first delay every ceiling has been reached; stopping there keeps the product finite.
    private const int MaxDoublings = 30;

    /// <summary>The same wait after every failed delivery.</summary>
    public static RedeliveryBackoff Fixed(TimeSpan delay) => new(delay, delay);

    /// <summary>The wait after delivery number <paramref name="failedDelivery"/> (1 for the first) failed.</summary>
    public TimeSpan After(int failedDelivery)
    {
        var doublings = Math.Clamp(failedDelivery - 1, 0, MaxDoublings);
        var ticks = Math.Round(FirstDelay.Ticks * Math.Pow(2, doublings));
        return ticks < MaxDelay.Ticks ? TimeSpan.FromTicks((long)ticks) : MaxDelay;
    }
}
