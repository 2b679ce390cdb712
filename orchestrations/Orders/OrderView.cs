using System.Text.Json.Serialization;
using AsyncCommerce.Payments;

namespace AsyncCommerce.Orders;

/// <summary>The order status read model (GET /api/checkouts/{orderId}), folded from the order's events.</summary>
public sealed record OrderView(
    string OrderId,
    OrderStatus Status,
    StatusReason? StatusReason,
    string CustomerId,
    Fulfillment Fulfillment,
    IReadOnlyList<OrderLine> Lines,
    Money Total,
    PaymentView Payment,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] PickupView? Pickup,
    int Version,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

public sealed record PaymentView(PaymentStatus Status, string? Method, IReadOnlyList<PaymentAttemptView> Attempts);

public sealed record PaymentAttemptView(string Method, PaymentOutcome Outcome, string? Reason);

public sealed record PickupView(
    string StoreId,
    string? Code,
    DateTimeOffset? ReadyAt,
    DateTimeOffset? ExpiresAt);
