using AsyncCommerce.Adapters.ServiceBus.Orders;
using AsyncCommerce.Adapters.ServiceBus.Settlement;
using AsyncCommerce.Adapters.ServiceBus.Tests.Support;
using AsyncCommerce.Orders;

namespace AsyncCommerce.Adapters.ServiceBus.Tests.Orders;

public sealed class OrderEventMessagesTests
{
    private static readonly DateTimeOffset Epoch = NotificationHarness.Epoch;

    public static TheoryData<OrderEventData> Events => new()
    {
        new OrderConfirmed(FulfillmentType.Pickup),
        new PaymentMethodsExhausted(3),
        new ReadyForPickup("store-001", "123456", Epoch, Epoch.AddDays(3)),
        new OrderRejected(StatusReason.PaymentFailed, "every method declined"),
        new OrderCompleted(),
    };

    [Theory]
    [MemberData(nameof(Events))]
    public void TryRead_WhatCreateWrote_ReadsTheSameEvent(OrderEventData data)
    {
        var written = new OrderEvent("order-42", 5, Guid.NewGuid().ToString("N"), Epoch, data);

        var read = OrderEventMessages.TryRead(ReceivedMessages.For(written), out var orderEvent, out var malformed);

        Assert.True(read, malformed?.Description);
        Assert.Equal(written, orderEvent);
    }

    [Fact]
    public void Create_ForAnEventRecordedInATrace_CarriesItAsTraceparentAndDiagnosticId()
    {
        const string recordedIn = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        var message = OrderEventMessages.Create(new OrderEvent("order-42", 2, "order-42:2", Epoch, new OrderCompleted(), recordedIn), ReceivedMessages.Names);

        Assert.Equal(recordedIn, message.ApplicationProperties[OrderEventMessages.TraceParentProperty]);
        Assert.Equal(recordedIn, message.ApplicationProperties[OrderEventMessages.DiagnosticIdProperty]);
    }

    [Fact]
    public void TryRead_AMessageWithATraceparent_ContinuesThatTrace()
    {
        const string publishedIn = "00-0af7651916cd43dd8448eb211c80319c-00f067aa0ba902b7-01";
        var sent = OrderEventMessages.Create(new OrderEvent("order-42", 2, "order-42:2", Epoch, new OrderCompleted()), ReceivedMessages.Names);
        sent.ApplicationProperties[OrderEventMessages.TraceParentProperty] = publishedIn;

        Assert.True(OrderEventMessages.TryRead(ReceivedMessages.Received(sent), out var orderEvent, out _));

        Assert.Equal(publishedIn, orderEvent.TraceParent);
    }

    [Theory]
    [InlineData("", DeadLetterReasons.MalformedJson)]
    [InlineData("{\"orderId\":", DeadLetterReasons.MalformedJson)]
    [InlineData("[]", DeadLetterReasons.MissingEventType)]
    [InlineData("""{"orderId":"o","sequence":1,"eventId":"e","occurredAt":"2025-01-01T09:00:00Z"}""", DeadLetterReasons.MissingEventType)]
    [InlineData("""{"orderId":"o","sequence":1,"eventId":"e","occurredAt":"2025-01-01T09:00:00Z","data":{"$type":42}}""", DeadLetterReasons.MissingEventType)]
    [InlineData("""{"orderId":"o","sequence":1,"eventId":"e","occurredAt":"2025-01-01T09:00:00Z","data":{"$type":"orderConfirmed"}}""", DeadLetterReasons.UnknownEventType)]
    [InlineData("""{"orderId":"o","sequence":"one","eventId":"e","occurredAt":"2025-01-01T09:00:00Z","data":{"$type":"OrderCompleted"}}""", DeadLetterReasons.InvalidEvent)]
    [InlineData("""{"orderId":"o","sequence":0,"eventId":"e","occurredAt":"2025-01-01T09:00:00Z","data":{"$type":"OrderCompleted"}}""", DeadLetterReasons.InvalidEvent)]
    [InlineData("""{"orderId":"o","sequence":1,"occurredAt":"2025-01-01T09:00:00Z","data":{"$type":"OrderCompleted"}}""", DeadLetterReasons.InvalidEvent)]
    public void TryRead_WhenTheBodyIsNotAnOrderEvent_SaysWhy(string body, string reason)
    {
        var read = OrderEventMessages.TryRead(ReceivedMessages.WithBody(body), out var orderEvent, out var malformed);

        Assert.False(read);
        Assert.Null(orderEvent);
        Assert.NotNull(malformed);
        Assert.Equal((SettlementAction.DeadLetter, reason), (malformed.Action, malformed.Reason));
    }
}
