namespace AsyncCommerce.Adapters.ServiceBus.Settlement;

/// <summary>
/// Settles the one message being handled. The hosted processor implements it over its event args; a
/// <c>[ServiceBusTrigger]</c> function would implement it over <c>ServiceBusMessageActions</c>, so the
/// handler does not know which host received the message. Where that extension is available, the processor host
/// gives way to one function per subscription:
/// <code>
/// [Function("NotifyByEmail")]
/// public Task NotifyByEmail(
///     [ServiceBusTrigger("%OrderEventsTopic%", "%EmailSubscription%", Connection = "ServiceBus", IsSessionsEnabled = true, AutoCompleteMessages = false)] ServiceBusReceivedMessage message,
///     ServiceBusMessageActions actions, CancellationToken cancellationToken) =>
///     handler.HandleAsync(message, NotificationChannel.Email, new MessageActionsSettlement(message, actions), cancellationToken);
/// </code>
/// </summary>
public interface IMessageSettlement
{
    Task CompleteAsync(CancellationToken cancellationToken);

    Task AbandonAsync(CancellationToken cancellationToken);

    Task DeadLetterAsync(string reason, string description, CancellationToken cancellationToken);
}
