using AsyncCommerce.Adapters.ServiceBus.Orders;
using AsyncCommerce.Orders;
using Azure.Messaging.ServiceBus;

namespace AsyncCommerce.Adapters.ServiceBus.Tests.Support;

/// <summary>Messages as a subscription would deliver them, made with the SDK's model factory.</summary>
public static class ReceivedMessages
{
    public static ServiceBusNames Names { get; } = ServiceBusNames.Load();

    /// <summary>The delivery of <paramref name="orderEvent"/> as the publisher sends it.</summary>
    public static ServiceBusReceivedMessage For(OrderEvent orderEvent, int deliveryCount = 1) =>
        Received(OrderEventMessages.Create(orderEvent, Names), deliveryCount);

    /// <summary>The delivery of a message as it was sent.</summary>
    public static ServiceBusReceivedMessage Received(ServiceBusMessage sent, int deliveryCount = 1)
    {
        ArgumentNullException.ThrowIfNull(sent);
        return ServiceBusModelFactory.ServiceBusReceivedMessage(
            body: sent.Body,
            messageId: sent.MessageId,
            sessionId: sent.SessionId,
            subject: sent.Subject,
            contentType: sent.ContentType,
            properties: sent.ApplicationProperties,
            lockTokenGuid: Guid.NewGuid(),
            deliveryCount: deliveryCount);
    }

    /// <summary>A delivery whose body is <paramref name="json"/>, whatever it holds.</summary>
    public static ServiceBusReceivedMessage WithBody(string json, string sessionId = "order-malformed", int deliveryCount = 1) =>
        ServiceBusModelFactory.ServiceBusReceivedMessage(
            body: BinaryData.FromString(json),
            messageId: $"message-{Guid.NewGuid():N}",
            sessionId: sessionId,
            contentType: OrderEventMessages.ContentType,
            lockTokenGuid: Guid.NewGuid(),
            deliveryCount: deliveryCount);
}
