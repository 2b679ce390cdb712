namespace AsyncCommerce.Api.Checkout;

/// <param name="Data">The event's own fields; typed as object so it is written as its runtime type without a discriminator.</param>
public sealed record OrderEventResponse(int Sequence, string EventId, string Type, DateTimeOffset OccurredAt, object Data);
