using AsyncCommerce.Orders;

namespace AsyncCommerce.Adapters.InMemory.Messaging;

/// <summary>An order event the consumer failed on every delivery, with the last failure as the reason.</summary>
public sealed record DeadLetteredEvent(OrderEvent Event, int DeliveryCount, string Reason, DateTimeOffset DeadLetteredAt);
