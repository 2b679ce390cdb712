using AsyncCommerce.Adapters.ServiceBus.Orders;
using AsyncCommerce.Adapters.ServiceBus.Settlement;
using AsyncCommerce.Notifications;
using AsyncCommerce.Orders;
using AsyncCommerce.Telemetry;
using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AsyncCommerce.Adapters.ServiceBus.Notifications;

/// <summary>
/// Handles one message of a notification subscription, whatever received it (the hosted processor, or a
/// <c>[ServiceBusTrigger]</c> function): reads the order event, lets the <see cref="NotificationConsumer"/> send the
/// subscription's channel, and settles the message explicitly. Completes on success; abandons a failure so the
/// broker redelivers it; dead-letters a message that can never be handled (malformed) and one whose handling failed
/// on its last delivery (poison). Redelivery of a handled message sends nothing again: the consumer skips every
/// (event, channel) already in the notification log.
/// </summary>
public sealed partial class NotificationMessageHandler(
    NotificationConsumer consumer,
    ServiceBusNames names,
    IOptions<ServiceBusOptions> options,
    TimeProvider clock,
    ILogger<NotificationMessageHandler> logger)
{
    private const string UnknownOrder = "(unknown)";
    private const string TransientFailure = nameof(TransientFailure);
    private const string HostStopping = nameof(HostStopping);

    /// <summary>Handles <paramref name="message"/> for <paramref name="channel"/>, settles it, and returns what was decided.</summary>
    public async Task<SettlementDecision> HandleAsync(
        ServiceBusReceivedMessage message,
        NotificationChannel channel,
        IMessageSettlement settlement,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(settlement);

        var decision = await DecideAsync(message, channel, cancellationToken);
        await SettleAsync(message, decision, settlement, cancellationToken);
        return decision;
    }

    private async Task<SettlementDecision> DecideAsync(ServiceBusReceivedMessage message, NotificationChannel channel, CancellationToken cancellationToken)
    {
        if (!OrderEventMessages.TryRead(message, out var orderEvent, out var malformed))
        {
            LogMalformed(message.SessionId ?? UnknownOrder, message.MessageId, channel, malformed.Reason!, malformed.Description!);
            return malformed;
        }

        try
        {
            await consumer.HandleAsync(orderEvent, channel, cancellationToken);
        }
        catch (Exception failure)
        {
            // Any failure of the consumer is settled (abandoned or dead-lettered), never lost.
            return Failed(message, orderEvent, channel, failure, cancellationToken);
        }

        LogCompleted(orderEvent.OrderId, orderEvent.Sequence, orderEvent.Type, channel, message.DeliveryCount);
        return SettlementDecision.Completed;
    }

    private SettlementDecision Failed(ServiceBusReceivedMessage message, OrderEvent orderEvent, NotificationChannel channel, Exception failure, CancellationToken cancellationToken)
    {
        var description = $"{failure.GetType().Name}: {failure.Message}";
        if (failure is OperationCanceledException && cancellationToken.IsCancellationRequested)
        {
            // The host is stopping: hand the message back for another instance rather than call it poison.
            LogStopping(orderEvent.OrderId, orderEvent.Sequence, orderEvent.Type, channel);
            return SettlementDecision.Abandoned(HostStopping, description);
        }

        // The broker would dead-letter the message on the next abandon anyway ("MaxDeliveryCountExceeded"); doing it
        // here keeps the cause next to the message in the dead-letter queue.
        if (message.DeliveryCount >= names.MaxDeliveryCount)
        {
            LogPoison(orderEvent.OrderId, orderEvent.Sequence, orderEvent.Type, channel, message.DeliveryCount, failure);
            return SettlementDecision.DeadLettered(DeadLetterReasons.PoisonMessage, $"Delivery {message.DeliveryCount} of {names.MaxDeliveryCount} failed. {description}");
        }

        LogTransientFailure(orderEvent.OrderId, orderEvent.Sequence, orderEvent.Type, channel, message.DeliveryCount, names.MaxDeliveryCount, RedeliveryDelay(message.DeliveryCount), failure);
        return SettlementDecision.Abandoned(TransientFailure, description);
    }

    // Settled with CancellationToken.None: a stopping host still hands each message back at once instead of
    // leaving it locked until its lock expires. The client's TryTimeout bounds these calls.
    private async Task SettleAsync(ServiceBusReceivedMessage message, SettlementDecision decision, IMessageSettlement settlement, CancellationToken cancellationToken)
    {
        switch (decision.Action)
        {
            case SettlementAction.Complete:
                await settlement.CompleteAsync(CancellationToken.None);
                break;
            case SettlementAction.Abandon:
                await WaitBeforeRedeliveryAsync(message.DeliveryCount, cancellationToken);
                await settlement.AbandonAsync(CancellationToken.None);
                break;
            case SettlementAction.DeadLetter:
                await settlement.DeadLetterAsync(decision.Reason!, decision.Description!, CancellationToken.None);
                CommerceMetrics.NotificationDeadLettered(decision.Reason!);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(decision), decision.Action, "Unknown settlement action.");
        }
    }

    // Abandon redelivers at once; waiting (with the lock renewed by the processor) spreads the deliveries over an
    // outage of the provider instead of spending them all within a second.
    private async Task WaitBeforeRedeliveryAsync(int deliveryCount, CancellationToken cancellationToken)
    {
        var delay = RedeliveryDelay(deliveryCount);
        if (delay <= TimeSpan.Zero || cancellationToken.IsCancellationRequested)
            return;

        try
        {
            await Task.Delay(delay, clock, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: abandon now.
        }
    }

    private TimeSpan RedeliveryDelay(int deliveryCount) => options.Value.ToRedeliveryBackoff().After(deliveryCount);

    [LoggerMessage(EventId = 4111, EventName = "NotificationMessageCompleted", Level = LogLevel.Debug, Message = "Order {OrderId}: event {Sequence} ({EventType}) handled for {Channel} on delivery {DeliveryCount}; completing")]
    private partial void LogCompleted(string orderId, int sequence, string eventType, NotificationChannel channel, int deliveryCount);

    [LoggerMessage(EventId = 4112, EventName = "NotificationMessageFailed", Level = LogLevel.Warning, Message = "Order {OrderId}: event {Sequence} ({EventType}) failed for {Channel} on delivery {DeliveryCount} of {MaxDeliveryCount}; abandoning after {Delay} for redelivery")]
    private partial void LogTransientFailure(string orderId, int sequence, string eventType, NotificationChannel channel, int deliveryCount, int maxDeliveryCount, TimeSpan delay, Exception failure);

    [LoggerMessage(EventId = 4113, EventName = "NotificationMessagePoison", Level = LogLevel.Error, Message = "Order {OrderId}: event {Sequence} ({EventType}) failed for {Channel} on its last delivery ({DeliveryCount}); dead-lettering")]
    private partial void LogPoison(string orderId, int sequence, string eventType, NotificationChannel channel, int deliveryCount, Exception failure);

    [LoggerMessage(EventId = 4114, EventName = "NotificationMessageMalformed", Level = LogLevel.Error, Message = "Order {OrderId}: message {MessageId} for {Channel} cannot be read ({Reason}: {Description}); dead-lettering")]
    private partial void LogMalformed(string orderId, string messageId, NotificationChannel channel, string reason, string description);

    [LoggerMessage(EventId = 4115, EventName = "NotificationMessageReturned", Level = LogLevel.Information, Message = "Order {OrderId}: event {Sequence} ({EventType}) for {Channel} interrupted by shutdown; abandoning for redelivery")]
    private partial void LogStopping(string orderId, int sequence, string eventType, NotificationChannel channel);
}
