using Azure.Messaging.ServiceBus;

namespace AsyncCommerce.Adapters.ServiceBus.Settlement;

/// <summary>Settles a message received by a <see cref="ServiceBusSessionProcessor"/> (subscriptions with sessions).</summary>
public sealed class ProcessSessionMessageSettlement(ProcessSessionMessageEventArgs args) : IMessageSettlement
{
    public Task CompleteAsync(CancellationToken cancellationToken) =>
        args.CompleteMessageAsync(args.Message, cancellationToken);

    public Task AbandonAsync(CancellationToken cancellationToken) =>
        args.AbandonMessageAsync(args.Message, propertiesToModify: null, cancellationToken);

    public Task DeadLetterAsync(string reason, string description, CancellationToken cancellationToken) =>
        args.DeadLetterMessageAsync(args.Message, reason, description, cancellationToken);
}
