using AsyncCommerce.Adapters.ServiceBus.Settlement;
using AsyncCommerce.Adapters.ServiceBus.Tests.Support;

namespace AsyncCommerce.Adapters.ServiceBus.Tests.Settlement;

/// <summary>Both settlements (processor and session processor) pass each decision to the receiver for the args' message.</summary>
public sealed class ProcessMessageSettlementTests
{
    private readonly SettlementRecorder _recorder = new();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Settle_EachAction_ReachesTheReceiverForTheMessage(bool session)
    {
        var message = ReceivedMessages.WithBody("{}");
        IMessageSettlement settlement = session ? _recorder.ForSession(message) : _recorder.For(message);

        await settlement.CompleteAsync(CancellationToken.None);
        await settlement.AbandonAsync(CancellationToken.None);
        await settlement.DeadLetterAsync(DeadLetterReasons.PoisonMessage, "Delivery 10 of 10 failed.", CancellationToken.None);

        Assert.Equal(
            [
                new Settled(SettlementAction.Complete, message.MessageId),
                new Settled(SettlementAction.Abandon, message.MessageId),
                new Settled(SettlementAction.DeadLetter, message.MessageId, DeadLetterReasons.PoisonMessage, "Delivery 10 of 10 failed."),
            ],
            _recorder.Settled);
    }
}
