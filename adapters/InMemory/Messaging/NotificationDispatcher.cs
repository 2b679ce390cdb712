using System.Threading.Channels;
using AsyncCommerce.Notifications;
using AsyncCommerce.Orders;
using AsyncCommerce.Telemetry;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AsyncCommerce.Adapters.InMemory.Messaging;

/// <summary>
/// Delivers the <see cref="InProcessMessageBus"/>'s order events to the <see cref="NotificationConsumer"/>
/// at least once, the way a Service Bus subscription with sessions would: failed deliveries are retried
/// after a delay and dead-lettered after the last one.
/// </summary>
public sealed partial class NotificationDispatcher(
    InProcessMessageBus bus,
    NotificationConsumer consumer,
    IOptions<InProcessBusOptions> options,
    TimeProvider clock,
    ILogger<NotificationDispatcher> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, bus.LaneCount).Select(lane => DrainAsync(bus.Lane(lane), stoppingToken)));

    private async Task DrainAsync(ChannelReader<OrderEvent> lane, CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var orderEvent in lane.ReadAllAsync(stoppingToken))
                await DeliverAsync(orderEvent, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: what is still queued is lost with the process, as the contract of an in-process bus.
        }
    }

    // A failed message is retried before its lane moves on (like a locked Service Bus session), so an
    // order's notifications never overtake each other; other orders' lanes keep flowing meanwhile.
    private async Task DeliverAsync(OrderEvent orderEvent, CancellationToken stoppingToken)
    {
        var settings = options.Value;
        for (var delivery = 1; ; delivery++)
        {
            try
            {
                await consumer.HandleAsync(orderEvent, stoppingToken);
                bus.MarkHandled();
                return;
            }
            catch (Exception failure) when (!stoppingToken.IsCancellationRequested)
            {
                if (delivery >= settings.MaxDeliveryCount)
                {
                    DeadLetter(orderEvent, delivery, failure);
                    return;
                }

                LogRedelivering(orderEvent.OrderId, orderEvent.Sequence, orderEvent.Type, delivery, settings.RedeliveryDelay, failure);
            }

            await Task.Delay(settings.RedeliveryDelay, clock, stoppingToken);
        }
    }

    private void DeadLetter(OrderEvent orderEvent, int deliveries, Exception failure)
    {
        bus.DeadLetter(new DeadLetteredEvent(orderEvent, deliveries, $"{failure.GetType().Name}: {failure.Message}", clock.GetUtcNow()));
        CommerceMetrics.NotificationDeadLettered("MaxDeliveriesExceeded");
        LogDeadLettered(orderEvent.OrderId, orderEvent.Sequence, orderEvent.Type, deliveries, failure);
    }

    [LoggerMessage(EventId = 4001, EventName = "BusDeliveryFailed", Level = LogLevel.Warning, Message = "Order {OrderId}: delivery {Delivery} of event {Sequence} ({EventType}) failed; redelivering in {Delay}")]
    private partial void LogRedelivering(string orderId, int sequence, string eventType, int delivery, TimeSpan delay, Exception failure);

    [LoggerMessage(EventId = 4002, EventName = "BusMessageDeadLettered", Level = LogLevel.Error, Message = "Order {OrderId}: event {Sequence} ({EventType}) dead-lettered after {Deliveries} deliveries")]
    private partial void LogDeadLettered(string orderId, int sequence, string eventType, int deliveries, Exception failure);
}
