using System.Text.Json;
using AsyncCommerce.Adapters.Behaviours.Support;
using AsyncCommerce.Adapters.Cosmos.Checkout;
using AsyncCommerce.Adapters.Cosmos.Notifications;
using AsyncCommerce.Adapters.Cosmos.Orders;
using AsyncCommerce.Adapters.Cosmos.Privacy;
using AsyncCommerce.Adapters.Cosmos.Tests.Support;
using AsyncCommerce.Checkout;
using AsyncCommerce.Notifications;
using AsyncCommerce.Orders;
using AsyncCommerce.Payments;
using AsyncCommerce.Privacy;
using Microsoft.Extensions.Logging.Abstractions;

namespace AsyncCommerce.Adapters.Cosmos.Tests.Privacy;

/// <summary>
/// A customer's erasure on the Cosmos DB stores (mocked containers that keep every document as the adapters' serializer
/// wrote it): an order placed, projected, notified and keyed for idempotency as the checkout does it, then erased; no
/// document held now, nor any ever sent, contains the email or phone in any form, and the order still projects.
/// </summary>
public sealed class CosmosPersonalDataErasureTests
{
    private const string CustomerId = "cust-erased";
    private static readonly string Email = $"erase.{Guid.NewGuid():N}@example.com";
    private static readonly string Phone = $"+1555{Random.Shared.Next(1_000_000, 10_000_000)}";

    private readonly RecordingContainer _events = MockedContainerQueries.ForOrderEvents();
    private readonly RecordingContainer _views = MockedContainerQueries.ForOrderViews();
    private readonly RecordingContainer _notifications = MockedContainerQueries.ForNotifications();
    private readonly RecordingContainer _idempotency = new RecordingContainer().Serve<IdempotencyDocument>();
    private readonly RecordingContainer _keys = MockedContainerQueries.ForCustomerKeys();
    private readonly ScriptedNotificationSender _sender = new();
    private readonly CosmosOrderEventStore _eventStore;
    private readonly CosmosOrderViewStore _viewStore;
    private readonly PersonalDataProtection _protection;
    private readonly OrderEventRecorder _recorder;
    private readonly NotificationConsumer _consumer;

    public CosmosPersonalDataErasureTests()
    {
        _eventStore = new CosmosOrderEventStore(_events.Object, MockedContainerQueries.ConflictRetry);
        _viewStore = new CosmosOrderViewStore(_views.Object, MockedContainerQueries.ConflictRetry);
        var keyStore = new CosmosCustomerKeyStore(_keys.Object);
        _protection = new PersonalDataProtection(keyStore);
        _recorder = new OrderEventRecorder(_eventStore, _viewStore, new OutboxSignal(), new OrderViewChanges(), NullLogger<OrderEventRecorder>.Instance);
        _consumer = new NotificationConsumer(_eventStore, new CosmosNotificationLog(_notifications.Object), _sender, _protection, TimeProvider.System, NullLogger<NotificationConsumer>.Instance);
        Erasure = new PersonalDataErasure(keyStore, NullLogger<PersonalDataErasure>.Instance);
    }

    private PersonalDataErasure Erasure { get; }

    [Fact]
    public async Task Erase_AfterAnOrderWasPlacedAndNotified_LeavesNoTraceInAnyContainerAndTheOrderStillProjects()
    {
        var orderId = await PlaceConfirmedOrderAsync();
        Assert.Equal([Email, Phone], _sender.Delivered.Select(m => m.Address));

        await Erasure.EraseAsync(CustomerId);
        await Erasure.EraseAsync(CustomerId);
        var ready = await RecordAsync(orderId, new ReadyForPickup("store-001", "123456", OrderFacts.Epoch, OrderFacts.Epoch.AddDays(3)));
        await _consumer.HandleAsync(ready);

        Assert.Equal(2, _sender.Delivered.Count);
        var view = await _viewStore.GetAsync(orderId);
        Assert.Equal((OrderStatus.ReadyForPickup, new Money(129.99m, "USD"), 5), (view!.Status, view.Total, view.Version));
        Assert.Equal([1, 2, 3, 4, 5], (await _eventStore.ReadAsync(orderId)).Select(e => e.Sequence));
        var trace = new ContactTrace(Email, Phone);
        var found = new[] { _events, _views, _notifications, _idempotency, _keys }.SelectMany(container => container.AllJson()).SelectMany(trace.FoundIn).ToList();
        Assert.True(found.Count == 0, $"Erased contact details still found: {string.Join(", ", found)}");
    }

    private async Task<string> PlaceConfirmedOrderAsync()
    {
        var orderId = $"order-{Guid.NewGuid():N}";
        var request = new CheckoutRequest(CustomerId, new ContactRequest(Email, Phone), "USD", [new CheckoutLineRequest("SKU-1001", 1)], new FulfillmentRequest("pickup", "store-001", null), [new PaymentMethodRequest("card", "tok_visa")]);
        var fingerprint = await _protection.FingerprintAsync(CustomerId, JsonSerializer.SerializeToUtf8Bytes(request, CommerceJsonDefaults.Options));
        await new CosmosIdempotencyStore(_idempotency.Object, MockedContainerQueries.ConflictRetry).ClaimAsync(new IdempotencyRecord("key-1", fingerprint, orderId, IdempotencyState.Completed, OrderFacts.Epoch));

        var line = new OrderLine("SKU-1001", 1, 129.99m, 129.99m);
        var contact = await _protection.SealAsync(CustomerId, new Contact(Email, Phone));
        await RecordAsync(orderId, new OrderPlaced(CustomerId, contact, OrderFacts.Pickup("store-001"), "store-001", [line], new Money(129.99m, "USD"), ["card"]));
        await RecordAsync(orderId, new StockReserved("store-001"));
        await RecordAsync(orderId, new PaymentAuthorized(0, "card", "auth-1", new Money(129.99m, "USD"), Deferred: false));
        await _consumer.HandleAsync(await RecordAsync(orderId, new OrderConfirmed(FulfillmentType.Pickup)));
        return orderId;
    }

    private Task<OrderEvent> RecordAsync(string orderId, OrderEventData data) =>
        _recorder.RecordAsync(orderId, Guid.NewGuid().ToString("N"), OrderFacts.Epoch, data);
}
