using AsyncCommerce.Adapters.InMemory.Privacy;
using AsyncCommerce.Catalog;
using AsyncCommerce.Orders;
using AsyncCommerce.Payments;
using AsyncCommerce.Privacy;

namespace AsyncCommerce.Orchestrations.Tests;

/// <summary>
/// Writes an order's stream the way the store would: gap-free sequences from 1, one minute apart, starting
/// with <see cref="OrderPlaced"/>. Tests add the one event they are about with <see cref="Then"/>.
/// </summary>
public sealed class OrderEventsBuilder
{
    public const string OrderId = "order-42";
    public const string StoreId = "store-001";
    public const string Email = "ada@example.com";
    public const string Phone = "+15551234567";
    public const string CustomerId = "cust-42";

    public static readonly DateTimeOffset PlacedAt = new(2025, 3, 1, 10, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset ReadyAt = PlacedAt.AddHours(1);
    public static readonly DateTimeOffset ExpiresAt = ReadyAt.AddHours(72);
    public static readonly Money Total = new(284.48m, "USD");

    private readonly List<OrderEvent> _events = [];

    /// <summary>The data keys the contacts of built streams are sealed with; a consumer under test opens them with these.</summary>
    public static InMemoryCustomerKeyStore CustomerKeys { get; } = new();

    public static PersonalDataProtection Protection { get; } = new(CustomerKeys);

    private OrderEventsBuilder(string orderId) => Id = orderId;

    public string Id { get; }

    public IReadOnlyList<OrderEvent> Events => _events;

    public OrderEvent Last => _events[^1];

    /// <summary>A stream with nothing in it yet, for the tests about how a stream must start.</summary>
    public static OrderEventsBuilder Empty(string orderId = OrderId) => new(orderId);

    public static OrderEventsBuilder PickupOrder(Contact? contact = null, string orderId = OrderId, string customerId = CustomerId) =>
        Empty(orderId).Then(Placed(PickupAt(StoreId), contact, customerId));

    public static OrderEventsBuilder DeliveryOrder(Contact? contact = null, string orderId = OrderId) =>
        Empty(orderId).Then(Placed(HomeDelivery(), contact));

    public static Contact FullContact() => new(Email, Phone);

    public static Fulfillment PickupAt(string storeId) => new(FulfillmentType.Pickup, storeId, null);

    public static Fulfillment HomeDelivery() => new(FulfillmentType.Delivery, null, new Address("1 Main St", "Springfield", "12345", "US"));

    public static OrderPlaced Placed(Fulfillment fulfillment, Contact? contact = null, string customerId = CustomerId)
    {
        OrderLine[] lines = [new("SKU-1001", 2, 129.99m, 259.98m), new("SKU-1002", 1, 24.50m, 24.50m)];
        var locationId = fulfillment.StoreId ?? Locations.FulfillmentCentre;
        // The in-memory store answers at once: waiting on it here blocks nothing.
        var key = CustomerKeys.GetOrCreateAsync(customerId).GetAwaiter().GetResult();
        var sealedContact = PersonalDataProtection.Seal(key, contact ?? FullContact());
        return new OrderPlaced(customerId, sealedContact, fulfillment, locationId, lines, Total, ["card", "wallet"]);
    }

    /// <summary>A plausible instance of the event type named <paramref name="eventType"/>, for tests that go through every type.</summary>
    public static OrderEventData SampleOf(string eventType) => eventType switch
    {
        nameof(OrderPlaced) => Placed(PickupAt(StoreId)),
        nameof(StockReserved) => new StockReserved(StoreId),
        nameof(PaymentAttempted) => new PaymentAttempted(0, "card", PaymentOutcome.Declined, "card_declined"),
        nameof(PaymentAuthorized) => new PaymentAuthorized(0, "card", "auth-1", Total, Deferred: false),
        nameof(PaymentMethodsExhausted) => new PaymentMethodsExhausted(2),
        nameof(PaymentMethodAdded) => new PaymentMethodAdded(2, "giftcard"),
        nameof(OrderConfirmed) => new OrderConfirmed(FulfillmentType.Pickup),
        nameof(PickupPreparationOverdue) => new PickupPreparationOverdue(StoreId, PlacedAt.AddHours(2)),
        nameof(ReadyForPickup) => new ReadyForPickup(StoreId, "042917", ReadyAt, ExpiresAt),
        nameof(PickupReminderDue) => new PickupReminderDue(StoreId, ExpiresAt),
        nameof(PaymentCaptured) => new PaymentCaptured("auth-1", Total),
        nameof(PaymentVoided) => new PaymentVoided("auth-1"),
        nameof(PaymentRefunded) => new PaymentRefunded("auth-1", Total),
        nameof(StockCommitted) => new StockCommitted(StoreId),
        nameof(StockReleased) => new StockReleased(StoreId),
        nameof(OrderCompleted) => new OrderCompleted(),
        nameof(OrderCancelled) => new OrderCancelled(StatusReason.PickupExpired),
        nameof(OrderRejected) => new OrderRejected(StatusReason.PaymentFailed, null),
        _ => throw new ArgumentOutOfRangeException(nameof(eventType), eventType, "Not an order event type."),
    };

    /// <summary>When the event with <paramref name="sequence"/> occurred in a stream written by this builder.</summary>
    public static DateTimeOffset OccurredAt(int sequence) => PlacedAt.AddMinutes(sequence - 1);

    public OrderEventsBuilder Then(OrderEventData data)
    {
        var sequence = _events.Count + 1;
        _events.Add(new OrderEvent(Id, sequence, $"{Id}-event-{sequence}", OccurredAt(sequence), data));
        return this;
    }

    /// <summary>Stock reserved and the first card approved: the order is paid for, not yet confirmed.</summary>
    public OrderEventsBuilder ThenAuthorized(string method = "card") => this
        .Then(new StockReserved(StoreId))
        .Then(new PaymentAttempted(0, method, PaymentOutcome.Approved, null))
        .Then(new PaymentAuthorized(0, method, "auth-1", Total, Deferred: false));

    /// <summary>Every payment method failed and the order waits for a new one.</summary>
    public OrderEventsBuilder ThenPaymentMethodsExhausted() => this
        .Then(new StockReserved(StoreId))
        .Then(new PaymentAttempted(0, "card", PaymentOutcome.Declined, "card_declined"))
        .Then(new PaymentAttempted(1, "wallet", PaymentOutcome.Declined, "wallet_declined"))
        .Then(new PaymentMethodsExhausted(2));

    /// <summary>The read model of the stream so far.</summary>
    public OrderView Project() => OrderProjection.Apply(null, _events) ?? throw new InvalidOperationException("The stream is empty.");

    public async Task AppendToAsync(IOrderEventStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        foreach (var orderEvent in _events)
            await store.AppendAsync(orderEvent.OrderId, orderEvent.EventId, orderEvent.OccurredAt, orderEvent.Data);
    }
}
