using AsyncCommerce.Adapters.ServiceBus.Settlement;
using Azure.Messaging.ServiceBus;
using Moq;

namespace AsyncCommerce.Adapters.ServiceBus.Tests.Support;

/// <summary>What a receiver was told to do with a message.</summary>
public sealed record Settled(SettlementAction Action, string MessageId, string? Reason = null, string? Description = null);

/// <summary>
/// A mocked <see cref="ServiceBusReceiver"/> (and session receiver) behind the SDK's real event args, recording each
/// settlement the handler made, so tests assert what reached the broker.
/// </summary>
public sealed class SettlementRecorder
{
    private readonly List<Settled> _settled = [];

    public SettlementRecorder()
    {
        Receiver = new Mock<ServiceBusReceiver>();
        Record(Receiver);
        SessionReceiver = new Mock<ServiceBusSessionReceiver>();
        Record(SessionReceiver);
    }

    public Mock<ServiceBusReceiver> Receiver { get; }

    public Mock<ServiceBusSessionReceiver> SessionReceiver { get; }

    public IReadOnlyList<Settled> Settled
    {
        get
        {
            lock (_settled)
                return [.. _settled];
        }
    }

    /// <summary>The settlement a <see cref="ServiceBusProcessor"/> would hand the handler for <paramref name="message"/>.</summary>
    public ProcessMessageSettlement For(ServiceBusReceivedMessage message, CancellationToken cancellationToken = default) =>
        new(new ProcessMessageEventArgs(message, Receiver.Object, cancellationToken));

    /// <summary>The settlement a <see cref="ServiceBusSessionProcessor"/> would hand the handler for <paramref name="message"/>.</summary>
    public ProcessSessionMessageSettlement ForSession(ServiceBusReceivedMessage message, CancellationToken cancellationToken = default) =>
        new(new ProcessSessionMessageEventArgs(message, SessionReceiver.Object, cancellationToken));

    private void Record<TReceiver>(Mock<TReceiver> receiver)
        where TReceiver : ServiceBusReceiver
    {
        receiver.Setup(r => r.CompleteMessageAsync(It.IsAny<ServiceBusReceivedMessage>(), It.IsAny<CancellationToken>()))
            .Callback((ServiceBusReceivedMessage message, CancellationToken _) => Add(new(SettlementAction.Complete, message.MessageId)))
            .Returns(Task.CompletedTask);
        receiver.Setup(r => r.AbandonMessageAsync(It.IsAny<ServiceBusReceivedMessage>(), It.IsAny<IDictionary<string, object>>(), It.IsAny<CancellationToken>()))
            .Callback((ServiceBusReceivedMessage message, IDictionary<string, object> _, CancellationToken _) => Add(new(SettlementAction.Abandon, message.MessageId)))
            .Returns(Task.CompletedTask);
        receiver.Setup(r => r.DeadLetterMessageAsync(It.IsAny<ServiceBusReceivedMessage>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Callback((ServiceBusReceivedMessage message, string reason, string description, CancellationToken _) => Add(new(SettlementAction.DeadLetter, message.MessageId, reason, description)))
            .Returns(Task.CompletedTask);
        receiver.Setup(r => r.DeadLetterMessageAsync(It.IsAny<ServiceBusReceivedMessage>(), It.IsAny<IDictionary<string, object>>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Callback((ServiceBusReceivedMessage message, IDictionary<string, object> _, string reason, string description, CancellationToken _) => Add(new(SettlementAction.DeadLetter, message.MessageId, reason, description)))
            .Returns(Task.CompletedTask);
    }

    private void Add(Settled settled)
    {
        lock (_settled)
            _settled.Add(settled);
    }
}
