namespace AsyncCommerce.Orders;

/// <summary>One fact for <see cref="OrderEventRecorder"/> to record on an order's stream, under the id its step was given.</summary>
public sealed record OrderFact(string EventId, DateTimeOffset OccurredAt, OrderEventData Data);
