using AsyncCommerce.Orders;
using AsyncCommerce.Telemetry;

namespace AsyncCommerce.Notifications;

/// <summary>
/// A message bus without a broker, for hosts whose event streams are a durable outbox (azurite mode): publishing an
/// event hands it straight to the <see cref="NotificationConsumer"/>, so the <see cref="OrderEventDispatcher"/> moves
/// a stream's published mark only once its notifications were sent. The outbox itself is the durable queue: a crash
/// before the mark delivers again after the restart, and the notification log keeps each (event, channel) once.
/// </summary>
public sealed class InlineNotificationPublisher(NotificationConsumer consumer) : IOrderEventPublisher
{
    public Task PublishAsync(OrderEvent orderEvent, CancellationToken cancellationToken = default) =>
        consumer.HandleAsync(orderEvent.AsPublished(), cancellationToken);
}
