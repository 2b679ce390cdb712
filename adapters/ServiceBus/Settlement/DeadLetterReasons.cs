namespace AsyncCommerce.Adapters.ServiceBus.Settlement;

/// <summary>
/// The <c>DeadLetterReason</c> values this adapter writes: stable, so that alerts and the people who read a
/// dead-letter queue can tell a producer's bug (malformed) from a consumer that kept failing (poison).
/// </summary>
public static class DeadLetterReasons
{
    /// <summary>The body is not JSON.</summary>
    public const string MalformedJson = nameof(MalformedJson);

    /// <summary>The body is JSON but its event data carries no <c>$type</c>.</summary>
    public const string MissingEventType = nameof(MissingEventType);

    /// <summary>The event type is not one this consumer knows (a newer producer, or a typo).</summary>
    public const string UnknownEventType = nameof(UnknownEventType);

    /// <summary>The event's fields do not make an order event (wrong shapes, no order id, ...).</summary>
    public const string InvalidEvent = nameof(InvalidEvent);

    /// <summary>A well-formed event whose handling failed on every delivery.</summary>
    public const string PoisonMessage = nameof(PoisonMessage);
}
