using AsyncCommerce.Adapters.ServiceBus.Notifications;
using AsyncCommerce.Adapters.ServiceBus.Settlement;
using AsyncCommerce.Adapters.ServiceBus.Tests.Support;
using AsyncCommerce.Notifications;
using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AsyncCommerce.Adapters.ServiceBus.Tests.Notifications;

public sealed class NotificationProcessorHostTests : IAsyncDisposable
{
    private static readonly ServiceBusNames Names = NotificationHarness.Names;

    private readonly ScriptedProcessors _processors = new();
    private readonly NotificationHarness _harness = new();

    public ValueTask DisposeAsync() => _processors.DisposeAsync();

    [Fact]
    public async Task Start_WithSessions_RunsOneSessionProcessorPerSubscriptionThatLeavesSettlementToTheHandler()
    {
        await using var host = Host(sessions: true);

        await host.StartAsync(CancellationToken.None);

        Assert.Equal(Subscriptions(), _processors.SessionProcessors.Keys.Order());
        Assert.All(_processors.SessionProcessors, pair =>
        {
            var (subscription, created) = (pair.Key, pair.Value);
            Assert.True(created.Processor.Started);
            Assert.Equal($"{Names.OrderEventsTopic}/Subscriptions/{subscription}", created.Processor.EntityPath);
            Assert.False(created.Options.AutoCompleteMessages);
            Assert.Equal(ServiceBusReceiveMode.PeekLock, created.Options.ReceiveMode);
            Assert.Equal(1, created.Options.MaxConcurrentCallsPerSession);
            Assert.Equal(_harness.Options.MaxConcurrentCalls, created.Options.MaxConcurrentSessions);
            Assert.Equal(_harness.Options.SessionIdleTimeout, created.Options.SessionIdleTimeout);
        });
        Assert.Empty(_processors.Processors);
    }

    [Fact]
    public async Task Start_WithoutSessions_RunsOneProcessorPerSubscriptionThatLeavesSettlementToTheHandler()
    {
        await using var host = Host(sessions: false);

        await host.StartAsync(CancellationToken.None);

        Assert.Equal(Subscriptions(), _processors.Processors.Keys.Order());
        Assert.All(_processors.Processors.Values, created =>
        {
            Assert.True(created.Processor.Started);
            Assert.False(created.Options.AutoCompleteMessages);
            Assert.Equal(_harness.Options.MaxConcurrentCalls, created.Options.MaxConcurrentCalls);
        });
        Assert.Empty(_processors.SessionProcessors);
    }

    [Fact]
    public async Task ProcessMessage_OnTheSmsSubscription_SendsTheSmsAndCompletes()
    {
        await using var host = Host(sessions: true);
        await host.StartAsync(CancellationToken.None);
        var confirmed = await _harness.ConfirmedOrderAsync();
        var message = ReceivedMessages.For(confirmed);

        var sms = _processors.SessionProcessors[Names.SubscriptionFor(NotificationChannel.Sms)].Processor;
        await sms.DeliverAsync(new ProcessSessionMessageEventArgs(message, _harness.Settlements.SessionReceiver.Object, CancellationToken.None));

        Assert.Equal(NotificationChannel.Sms, Assert.Single(_harness.Sender.Delivered).Channel);
        Assert.Equal([new Settled(SettlementAction.Complete, confirmed.EventId)], _harness.Settlements.Settled);
    }

    [Fact]
    public async Task ProcessMessage_OnTheEmailSubscriptionWithoutSessions_SendsTheEmailAndCompletes()
    {
        await using var host = Host(sessions: false);
        await host.StartAsync(CancellationToken.None);
        var confirmed = await _harness.ConfirmedOrderAsync();
        var message = ReceivedMessages.For(confirmed);

        var email = _processors.Processors[Names.SubscriptionFor(NotificationChannel.Email)].Processor;
        await email.DeliverAsync(new ProcessMessageEventArgs(message, _harness.Settlements.Receiver.Object, CancellationToken.None));

        Assert.Equal(NotificationChannel.Email, Assert.Single(_harness.Sender.Delivered).Channel);
        Assert.Equal([new Settled(SettlementAction.Complete, confirmed.EventId)], _harness.Settlements.Settled);
    }

    [Fact]
    public async Task Stop_AfterStart_StopsEveryProcessor()
    {
        await using var host = Host(sessions: true);
        await host.StartAsync(CancellationToken.None);

        await host.StopAsync(CancellationToken.None);

        Assert.All(_processors.SessionProcessors.Values, created => Assert.True(created.Processor.Stopped));
    }

    private static IEnumerable<string> Subscriptions() => Names.Subscriptions.Values.Order();

    private NotificationProcessorHost Host(bool sessions)
    {
        _harness.Options.SessionsEnabled = sessions;
        return new NotificationProcessorHost(
            _processors.Client.Object,
            _harness.Handler,
            Names,
            Options.Create(_harness.Options),
            NullLogger<NotificationProcessorHost>.Instance);
    }
}
