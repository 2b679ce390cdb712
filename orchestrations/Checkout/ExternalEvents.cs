using AsyncCommerce.Orders;

namespace AsyncCommerce.Checkout;

/// <summary>Names of the external events the checkout saga waits for; the HTTP layer raises them.</summary>
public static class ExternalEvents
{
    public const string CancelOrder = nameof(CancelOrder);
    public const string PaymentMethodAdded = nameof(PaymentMethodAdded);
    public const string PickupReady = nameof(PickupReady);
    public const string PickupCollected = nameof(PickupCollected);
}

public sealed record CancellationRequest(DateTimeOffset RequestedAt);

public sealed record PickupReadyNotice(string StoreId);

public sealed record PickupCollection(string StoreId);

public sealed record NewPaymentMethod(PaymentInstruction Payment);
