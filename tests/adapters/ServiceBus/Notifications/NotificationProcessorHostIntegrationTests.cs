using AsyncCommerce.Adapters.ServiceBus.Notifications;
using AsyncCommerce.Adapters.ServiceBus.Tests.Support;
using AsyncCommerce.Notifications;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AsyncCommerce.Adapters.ServiceBus.Tests.Notifications;

/// <summary>
/// Against a real namespace or the emulator (<c>SERVICEBUS_CONNECTION</c>), with the topic and the session-enabled
/// subscriptions of infra/azure-names.json; skipped, with the reason, where there is none.
/// </summary>
public sealed class NotificationProcessorHostIntegrationTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [ServiceBusFact]
    public async Task PublishedEvent_ReachesEverySubscription_AndEachChannelIsSentOnce()
    {
        var options = new ServiceBusOptions { ConnectionString = ServiceBusFactAttribute.ConnectionString, RedeliveryDelay = TimeSpan.Zero, MaxRedeliveryDelay = TimeSpan.Zero };
        var harness = new NotificationHarness(options: options);
        await using var client = ServiceBusServiceCollectionExtensions.CreateClient(options);
        await using var publisher = new ServiceBusOrderEventPublisher(client, NotificationHarness.Names, NullLogger<ServiceBusOrderEventPublisher>.Instance);
        await using var host = new NotificationProcessorHost(client, harness.Handler, NotificationHarness.Names, Options.Create(options), NullLogger<NotificationProcessorHost>.Instance);
        using var deadline = new CancellationTokenSource(Deadline);
        var confirmed = await harness.ConfirmedOrderAsync();

        await host.StartAsync(deadline.Token);
        await publisher.PublishAsync(confirmed, deadline.Token);
        await publisher.PublishAsync(confirmed, deadline.Token); // a re-publish: dropped by duplicate detection, or not sent twice by the log
        await harness.Sender.WaitForDeliveriesAsync(2, deadline.Token);
        await host.StopAsync(CancellationToken.None);

        var timeline = await harness.Log.ListAsync(confirmed.OrderId);
        Assert.Equal([NotificationChannel.Email, NotificationChannel.Sms], timeline.Select(record => record.Channel));
        Assert.All(timeline, record => Assert.Equal(confirmed.Sequence, record.EventSequence));
        Assert.Equal(2, harness.Sender.Delivered.Count);
    }
}
