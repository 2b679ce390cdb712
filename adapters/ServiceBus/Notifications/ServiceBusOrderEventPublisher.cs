using AsyncCommerce.Adapters.ServiceBus.Orders;
using AsyncCommerce.Notifications;
using AsyncCommerce.Orders;
using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Logging;

namespace AsyncCommerce.Adapters.ServiceBus.Notifications;

/// <summary>
/// Publishes order events to the order-events topic. Transient failures (throttling, timeouts, a dropped
/// connection) are retried by the client's <see cref="ServiceBusRetryOptions"/>; a send that still fails
/// surfaces to the caller, whose activity retry publishes again under the same message id.
/// </summary>
public sealed partial class ServiceBusOrderEventPublisher : IOrderEventPublisher, IAsyncDisposable
{
    private readonly ServiceBusSender _sender;
    private readonly ServiceBusNames _names;
    private readonly ILogger<ServiceBusOrderEventPublisher> _logger;

    public ServiceBusOrderEventPublisher(ServiceBusClient client, ServiceBusNames names, ILogger<ServiceBusOrderEventPublisher> logger)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(names);
        _names = names;
        _logger = logger;
        _sender = client.CreateSender(names.OrderEventsTopic);
    }

    public async Task PublishAsync(OrderEvent orderEvent, CancellationToken cancellationToken = default)
    {
        var message = OrderEventMessages.Create(orderEvent, _names);
        await _sender.SendMessageAsync(message, cancellationToken);
        LogPublished(orderEvent.OrderId, orderEvent.Sequence, orderEvent.Type, _names.OrderEventsTopic, message.MessageId);
    }

    public ValueTask DisposeAsync() => _sender.DisposeAsync();

    [LoggerMessage(EventId = 4101, EventName = "OrderEventPublished", Level = LogLevel.Debug, Message = "Order {OrderId}: event {Sequence} ({EventType}) published to {Topic} as message {MessageId}")]
    private partial void LogPublished(string orderId, int sequence, string eventType, string topic, string messageId);
}
