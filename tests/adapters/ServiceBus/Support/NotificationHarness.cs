using AsyncCommerce.Adapters.InMemory.Notifications;
using AsyncCommerce.Adapters.InMemory.Orders;
using AsyncCommerce.Adapters.InMemory.Privacy;
using AsyncCommerce.Adapters.ServiceBus.Notifications;
using AsyncCommerce.Adapters.ServiceBus.Settlement;
using AsyncCommerce.Notifications;
using AsyncCommerce.Orders;
using AsyncCommerce.Payments;
using AsyncCommerce.Privacy;
using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AsyncCommerce.Adapters.ServiceBus.Tests.Support;

/// <summary>
/// The real <see cref="NotificationConsumer"/> over the in-memory event store and notification log, behind the
/// <see cref="NotificationMessageHandler"/> under test, with a recording notification provider.
/// </summary>
public sealed class NotificationHarness
{
    public static readonly DateTimeOffset Epoch = new(2025, 1, 1, 9, 0, 0, TimeSpan.Zero);

    public NotificationHarness(RecordingNotificationSender? sender = null, TimeProvider? clock = null, ServiceBusOptions? options = null)
    {
        Sender = sender ?? new RecordingNotificationSender();
        Clock = clock ?? TimeProvider.System;
        Protection = new PersonalDataProtection(CustomerKeys);
        var consumer = new NotificationConsumer(Events, Log, Sender, Protection, Clock, NullLogger<NotificationConsumer>.Instance);
        Options = options ?? new ServiceBusOptions { RedeliveryDelay = TimeSpan.Zero, MaxRedeliveryDelay = TimeSpan.Zero };
        Handler = new NotificationMessageHandler(consumer, Names, Microsoft.Extensions.Options.Options.Create(Options), Clock, NullLogger<NotificationMessageHandler>.Instance);
    }

    public static ServiceBusNames Names => ReceivedMessages.Names;

    public InMemoryOrderEventStore Events { get; } = new();

    public InMemoryNotificationLog Log { get; } = new();

    public InMemoryCustomerKeyStore CustomerKeys { get; } = new();

    public PersonalDataProtection Protection { get; }

    public RecordingNotificationSender Sender { get; }

    public TimeProvider Clock { get; }

    public ServiceBusOptions Options { get; }

    public NotificationMessageHandler Handler { get; }

    public SettlementRecorder Settlements { get; } = new();

    /// <summary>Stores a new order whose customer gave an email address and a phone number; returns its id.</summary>
    public async Task<string> PlaceOrderAsync(string? email = "ada@example.com", string? phone = "+15551234567")
    {
        var orderId = $"order-{Guid.NewGuid():N}";
        var line = new OrderLine("SKU-1001", 1, 129.99m, 129.99m);
        var placed = new OrderPlaced(
            "cust-42",
            await Protection.SealAsync("cust-42", new Contact(email, phone)),
            new Fulfillment(FulfillmentType.Pickup, "store-001", null),
            "store-001",
            [line],
            new Money(129.99m, "USD"),
            ["card"]);
        await Events.AppendAsync(orderId, $"{orderId}-placed", Epoch, placed);
        return orderId;
    }

    /// <summary>Appends an event to the order's stream, as the order event recorder does before publishing it.</summary>
    public Task<OrderEvent> AppendAsync(string orderId, OrderEventData data) =>
        Events.AppendAsync(orderId, Guid.NewGuid().ToString("N"), Epoch, data);

    /// <summary>Stores a new order and confirms it: the event whose delivery the tests handle.</summary>
    public async Task<OrderEvent> ConfirmedOrderAsync()
    {
        var orderId = await PlaceOrderAsync();
        return await AppendAsync(orderId, new OrderConfirmed(FulfillmentType.Pickup));
    }

    /// <summary>Hands one delivery to the handler for <paramref name="channel"/> as a <see cref="ServiceBusProcessor"/> would.</summary>
    public Task<SettlementDecision> DeliverAsync(ServiceBusReceivedMessage message, NotificationChannel channel = NotificationChannel.Email, CancellationToken cancellationToken = default) =>
        Handler.HandleAsync(message, channel, Settlements.For(message, cancellationToken), cancellationToken);
}
