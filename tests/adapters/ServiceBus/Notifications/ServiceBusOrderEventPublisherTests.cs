using AsyncCommerce.Adapters.ServiceBus.Notifications;
using AsyncCommerce.Adapters.ServiceBus.Settlement;
using AsyncCommerce.Adapters.ServiceBus.Tests.Support;
using AsyncCommerce.Notifications;
using AsyncCommerce.Orders;
using AsyncCommerce.Payments;
using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace AsyncCommerce.Adapters.ServiceBus.Tests.Notifications;

public sealed class ServiceBusOrderEventPublisherTests : IAsyncDisposable
{
    private static readonly ServiceBusNames Names = ReceivedMessages.Names;

    private readonly Mock<ServiceBusSender> _sender = new();
    private readonly List<ServiceBusMessage> _sent = [];
    private readonly ServiceBusOrderEventPublisher _publisher;

    public ServiceBusOrderEventPublisherTests()
    {
        _sender.Setup(sender => sender.SendMessageAsync(It.IsAny<ServiceBusMessage>(), It.IsAny<CancellationToken>()))
            .Callback((ServiceBusMessage message, CancellationToken _) => _sent.Add(message))
            .Returns(Task.CompletedTask);
        var client = new Mock<ServiceBusClient>();
        client.Setup(c => c.CreateSender(Names.OrderEventsTopic)).Returns(_sender.Object);
        _publisher = new ServiceBusOrderEventPublisher(client.Object, Names, NullLogger<ServiceBusOrderEventPublisher>.Instance);
    }

    public ValueTask DisposeAsync() => _publisher.DisposeAsync();

    [Fact]
    public async Task Publish_AnOrderEvent_SendsOneMessageKeyedByEventAndOrder()
    {
        var confirmed = Confirmed("order-42");

        await _publisher.PublishAsync(confirmed);

        var message = Assert.Single(_sent);
        Assert.Equal(confirmed.EventId, message.MessageId);
        Assert.Equal(confirmed.OrderId, message.SessionId);
        Assert.Equal(nameof(OrderConfirmed), message.Subject);
        Assert.Equal("application/json", message.ContentType);
        Assert.Equal(nameof(OrderConfirmed), message.ApplicationProperties[Names.EventTypeProperty]);
    }

    [Fact]
    public async Task Publish_AnOrderEvent_SendsItsJsonThatReadsBackAsTheSameEvent()
    {
        var epoch = NotificationHarness.Epoch;
        var ready = new OrderEvent("order-42", 7, Guid.NewGuid().ToString("N"), epoch, new ReadyForPickup("store-001", "123456", epoch, epoch.AddDays(3)));

        await _publisher.PublishAsync(ready);

        var body = Assert.Single(_sent).Body;
        Assert.Equal(ready, body.ToObjectFromJson<OrderEvent>(CommerceJsonDefaults.Options));
        Assert.Contains("\"$type\":\"ReadyForPickup\"", body.ToString(), StringComparison.Ordinal);
        Assert.Contains("\"orderId\":\"order-42\"", body.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_EveryNotifyingEventType_CarriesTheTypeTheSubscriptionFiltersOn()
    {
        var epoch = NotificationHarness.Epoch;
        OrderEventData[] notifying =
        [
            new OrderConfirmed(FulfillmentType.Delivery),
            new PaymentMethodsExhausted(2),
            new ReadyForPickup("store-001", "123456", epoch, epoch.AddDays(3)),
            new PickupReminderDue("store-001", epoch.AddDays(3)),
            new OrderCompleted(),
            new OrderCancelled(StatusReason.CustomerCancelled),
            new OrderRejected(StatusReason.OutOfStock, null),
        ];

        foreach (var data in notifying)
            await _publisher.PublishAsync(new OrderEvent("order-42", 2, Guid.NewGuid().ToString("N"), epoch, data));

        Assert.Equal(NotificationPlan.NotifyingEventTypes, _sent.Select(message => (string)message.ApplicationProperties[Names.EventTypeProperty]));
    }

    [Fact]
    public async Task Publish_WhenTheBrokerStaysBusyAfterTheClientsRetries_SurfacesTheFailure()
    {
        var busy = new ServiceBusException("The namespace is throttling requests.", ServiceBusFailureReason.ServiceBusy);
        _sender.Setup(sender => sender.SendMessageAsync(It.IsAny<ServiceBusMessage>(), It.IsAny<CancellationToken>())).ThrowsAsync(busy);

        var thrown = await Assert.ThrowsAsync<ServiceBusException>(() => _publisher.PublishAsync(Confirmed("order-42")));

        Assert.Equal(ServiceBusFailureReason.ServiceBusy, thrown.Reason);
    }

    [Fact]
    public async Task Publish_ThenDeliver_NotifiesTheCustomerOnTheSubscriptionsChannel()
    {
        var harness = new NotificationHarness();
        var confirmed = await harness.ConfirmedOrderAsync();

        await _publisher.PublishAsync(confirmed);
        var decision = await harness.DeliverAsync(ReceivedMessages.Received(Assert.Single(_sent)), NotificationChannel.Sms);

        Assert.Equal(SettlementAction.Complete, decision.Action);
        var sent = Assert.Single(harness.Sender.Delivered);
        Assert.Equal((NotificationKind.OrderConfirmed, NotificationChannel.Sms, "+15551234567"), (sent.Kind, sent.Channel, sent.Address));
    }

    private static OrderEvent Confirmed(string orderId) =>
        new(orderId, 3, Guid.NewGuid().ToString("N"), NotificationHarness.Epoch, new OrderConfirmed(FulfillmentType.Pickup));
}
