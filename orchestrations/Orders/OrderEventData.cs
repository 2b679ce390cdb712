using System.Text.Json.Serialization;
using AsyncCommerce.Payments;
using AsyncCommerce.Privacy;

namespace AsyncCommerce.Orders;

/// <summary>
/// The facts of an order's life. The type name is the event type on the stream and on the message bus,
/// so renaming one is a breaking change for stored streams and subscription filters.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "$type")]
[JsonDerivedType(typeof(OrderPlaced), nameof(OrderPlaced))]
[JsonDerivedType(typeof(StockReserved), nameof(StockReserved))]
[JsonDerivedType(typeof(PaymentAttempted), nameof(PaymentAttempted))]
[JsonDerivedType(typeof(PaymentAuthorized), nameof(PaymentAuthorized))]
[JsonDerivedType(typeof(PaymentMethodsExhausted), nameof(PaymentMethodsExhausted))]
[JsonDerivedType(typeof(PaymentMethodAdded), nameof(PaymentMethodAdded))]
[JsonDerivedType(typeof(OrderConfirmed), nameof(OrderConfirmed))]
[JsonDerivedType(typeof(PickupPreparationOverdue), nameof(PickupPreparationOverdue))]
[JsonDerivedType(typeof(ReadyForPickup), nameof(ReadyForPickup))]
[JsonDerivedType(typeof(PickupReminderDue), nameof(PickupReminderDue))]
[JsonDerivedType(typeof(PaymentCaptured), nameof(PaymentCaptured))]
[JsonDerivedType(typeof(PaymentVoided), nameof(PaymentVoided))]
[JsonDerivedType(typeof(PaymentRefunded), nameof(PaymentRefunded))]
[JsonDerivedType(typeof(StockCommitted), nameof(StockCommitted))]
[JsonDerivedType(typeof(StockReleased), nameof(StockReleased))]
[JsonDerivedType(typeof(OrderCompleted), nameof(OrderCompleted))]
[JsonDerivedType(typeof(OrderCancelled), nameof(OrderCancelled))]
[JsonDerivedType(typeof(OrderRejected), nameof(OrderRejected))]
public abstract record OrderEventData
{
    [JsonIgnore]
    public string Type => GetType().Name;
}

/// <param name="Contact">
/// Sealed under the customer's data key, never in plain text: the stream is append-only, and erasing the customer's
/// personal data destroys the key instead of rewriting history (<see cref="PersonalDataErasure"/>).
/// </param>
public sealed record OrderPlaced(
    string CustomerId,
    SealedContact Contact,
    Fulfillment Fulfillment,
    string LocationId,
    IReadOnlyList<OrderLine> Lines,
    Money Total,
    IReadOnlyList<string> PaymentMethods) : OrderEventData;

public sealed record StockReserved(string LocationId) : OrderEventData;

public sealed record PaymentAttempted(int MethodIndex, string Method, PaymentOutcome Outcome, string? Reason) : OrderEventData;

public sealed record PaymentAuthorized(int MethodIndex, string Method, string AuthorizationId, Money Amount, bool Deferred) : OrderEventData;

public sealed record PaymentMethodsExhausted(int MethodsTried) : OrderEventData;

public sealed record PaymentMethodAdded(int MethodIndex, string Method) : OrderEventData;

public sealed record OrderConfirmed(FulfillmentType Fulfillment) : OrderEventData;

/// <summary>An alert for store staff: the preparation deadline passed before the order was marked ready.</summary>
public sealed record PickupPreparationOverdue(string StoreId, DateTimeOffset Deadline) : OrderEventData;

public sealed record ReadyForPickup(string StoreId, string Code, DateTimeOffset ReadyAt, DateTimeOffset ExpiresAt) : OrderEventData;

public sealed record PickupReminderDue(string StoreId, DateTimeOffset ExpiresAt) : OrderEventData;

public sealed record PaymentCaptured(string AuthorizationId, Money Amount) : OrderEventData;

public sealed record PaymentVoided(string AuthorizationId) : OrderEventData;

public sealed record PaymentRefunded(string AuthorizationId, Money Amount) : OrderEventData;

public sealed record StockCommitted(string LocationId) : OrderEventData;

public sealed record StockReleased(string LocationId) : OrderEventData;

public sealed record OrderCompleted : OrderEventData;

public sealed record OrderCancelled(StatusReason Reason) : OrderEventData;

public sealed record OrderRejected(StatusReason Reason, string? Detail) : OrderEventData;
