using AsyncCommerce.Adapters.Behaviours.Support;
using AsyncCommerce.Adapters.InMemory.Messaging;
using AsyncCommerce.Adapters.InMemory.Notifications;
using AsyncCommerce.Adapters.InMemory.Orders;
using AsyncCommerce.Adapters.InMemory.Privacy;
using AsyncCommerce.Notifications;
using AsyncCommerce.Orders;
using AsyncCommerce.Privacy;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AsyncCommerce.Adapters.InMemory.Tests.Messaging;

/// <summary>The in-process bus with a running dispatcher in front of the real notification consumer.</summary>
public sealed class BusHarness : IAsyncDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    private readonly NotificationDispatcher _dispatcher;

    private BusHarness(ScriptedNotificationSender sender, InProcessBusOptions options)
    {
        Sender = sender;
        var settings = Options.Create(options);
        Bus = new InProcessMessageBus(settings);
        var consumer = new NotificationConsumer(Events, Log, sender, new PersonalDataProtection(CustomerKeys), TimeProvider.System, NullLogger<NotificationConsumer>.Instance);
        _dispatcher = new NotificationDispatcher(Bus, consumer, settings, TimeProvider.System, NullLogger<NotificationDispatcher>.Instance);
    }

    public InMemoryOrderEventStore Events { get; } = new();

    public InMemoryNotificationLog Log { get; } = new();

    public InMemoryCustomerKeyStore CustomerKeys { get; } = new();

    public ScriptedNotificationSender Sender { get; }

    public InProcessMessageBus Bus { get; }

    public static async Task<BusHarness> StartAsync(int senderFailures = 0, int maxDeliveryCount = 5, TimeSpan? redeliveryDelay = null)
    {
        var options = new InProcessBusOptions
        {
            MaxDeliveryCount = maxDeliveryCount,
            RedeliveryDelay = redeliveryDelay ?? TimeSpan.FromMilliseconds(1),
        };
        var harness = new BusHarness(new ScriptedNotificationSender(senderFailures), options);
        await harness._dispatcher.StartAsync(CancellationToken.None);
        return harness;
    }

    /// <summary>Stores a new order whose customer gave <paramref name="contact"/>; returns its id.</summary>
    public async Task<string> PlaceOrderAsync(Contact? contact = null)
    {
        var orderId = $"order-{Guid.NewGuid():N}";
        var key = await CustomerKeys.GetOrCreateAsync(OrderFacts.CustomerId);
        await Events.AppendAsync(orderId, "placed", OrderFacts.Epoch, OrderFacts.Placed(contact, customerKey: key));
        return orderId;
    }

    /// <summary>Appends an event to the order's stream and publishes it, as the order event recorder does.</summary>
    public async Task<OrderEvent> RecordAsync(string orderId, OrderEventData data)
    {
        var stored = await Events.AppendAsync(orderId, Guid.NewGuid().ToString("N"), OrderFacts.Epoch, data);
        await Bus.PublishAsync(stored);
        return stored;
    }

    public async Task WaitForIdleAsync()
    {
        using var deadline = new CancellationTokenSource(Deadline);
        await Bus.WaitForIdleAsync(deadline.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await _dispatcher.StopAsync(CancellationToken.None);
        _dispatcher.Dispose();
    }
}
