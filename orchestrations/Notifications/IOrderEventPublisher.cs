using AsyncCommerce.Orders;

namespace AsyncCommerce.Notifications;

/// <summary>
/// Port: the message bus that carries order events to their consumers. Delivery is at least once;
/// the message id is the event id so that a broker with duplicate detection drops re-publishes.
/// </summary>
public interface IOrderEventPublisher
{
    Task PublishAsync(OrderEvent orderEvent, CancellationToken cancellationToken = default);
}
