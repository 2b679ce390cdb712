using System.Threading.Channels;
using AsyncCommerce.Notifications;
using AsyncCommerce.Orders;
using AsyncCommerce.Telemetry;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

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
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var redelivery = Redelivery(options.Value, clock, logger);
        return Task.WhenAll(Enumerable.Range(0, bus.LaneCount).Select(lane => DrainAsync(bus.Lane(lane), redelivery, stoppingToken)));
    }

    private async Task DrainAsync(ChannelReader<OrderEvent> lane, ResiliencePipeline redelivery, CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var orderEvent in lane.ReadAllAsync(stoppingToken))
                await DeliverAsync(orderEvent, redelivery, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: what is still queued is lost with the process, as the contract of an in-process bus.
        }
    }

    // A failed message is retried before its lane moves on (like a locked Service Bus session), so an
    // order's notifications never overtake each other; other orders' lanes keep flowing meanwhile.
    private async Task DeliverAsync(OrderEvent orderEvent, ResiliencePipeline redelivery, CancellationToken stoppingToken)
    {
        var context = ResilienceContextPool.Shared.Get(stoppingToken);
        context.Properties.Set(Delivered, orderEvent);
        try
        {
            await redelivery.ExecuteAsync(
                static async (attempt, state) => await state.consumer.HandleAsync(state.orderEvent, attempt.CancellationToken),
                context,
                (consumer, orderEvent));
            bus.MarkHandled();
        }
        catch (Exception failure) when (!stoppingToken.IsCancellationRequested)
        {
            DeadLetter(orderEvent, options.Value.MaxDeliveryCount, failure);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private static readonly ResiliencePropertyKey<OrderEvent> Delivered = new("order-event");

    // Every failure is redelivered while the host runs, after the bus's backoff, up to the delivery count; a failure
    // while stopping is not (the event is lost with the process, as the contract of an in-process bus says).
    private static ResiliencePipeline Redelivery(InProcessBusOptions settings, TimeProvider clock, ILogger logger)
    {
        if (settings.MaxDeliveryCount == 1)
            return ResiliencePipeline.Empty;

        var backoff = settings.ToRedeliveryBackoff();
        return new ResiliencePipelineBuilder { TimeProvider = clock }
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = settings.MaxDeliveryCount - 1,
                // Polly numbers retries from 0: retry n follows the failure of delivery n + 1.
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(backoff.After(args.AttemptNumber + 1)),
                ShouldHandle = static args => ValueTask.FromResult(args.Outcome.Exception is not null && !args.Context.CancellationToken.IsCancellationRequested),
                OnRetry = args =>
                {
                    var orderEvent = args.Context.Properties.GetValue(Delivered, null!);
                    LogRedelivering(logger, orderEvent.OrderId, orderEvent.Sequence, orderEvent.Type, args.AttemptNumber + 1, args.RetryDelay, args.Outcome.Exception!);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    private void DeadLetter(OrderEvent orderEvent, int deliveries, Exception failure)
    {
        bus.DeadLetter(new DeadLetteredEvent(orderEvent, deliveries, $"{failure.GetType().Name}: {failure.Message}", clock.GetUtcNow()));
        CommerceMetrics.NotificationDeadLettered("MaxDeliveriesExceeded");
        LogDeadLettered(orderEvent.OrderId, orderEvent.Sequence, orderEvent.Type, deliveries, failure);
    }

    [LoggerMessage(EventId = 4001, EventName = "BusDeliveryFailed", Level = LogLevel.Warning, Message = "Order {OrderId}: delivery {Delivery} of event {Sequence} ({EventType}) failed; redelivering in {Delay}")]
    private static partial void LogRedelivering(ILogger logger, string orderId, int sequence, string eventType, int delivery, TimeSpan delay, Exception failure);

    [LoggerMessage(EventId = 4002, EventName = "BusMessageDeadLettered", Level = LogLevel.Error, Message = "Order {OrderId}: event {Sequence} ({EventType}) dead-lettered after {Deliveries} deliveries")]
    private partial void LogDeadLettered(string orderId, int sequence, string eventType, int deliveries, Exception failure);
}
