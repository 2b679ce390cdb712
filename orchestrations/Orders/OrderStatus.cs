using System.Text.Json.Serialization;

namespace AsyncCommerce.Orders;

[JsonConverter(typeof(JsonStringEnumConverter<OrderStatus>))]
public enum OrderStatus
{
    Accepted,
    Processing,
    AwaitingPaymentMethod,
    Confirmed,
    ReadyForPickup,
    Completed,
    Cancelled,
    Rejected,
}

[JsonConverter(typeof(JsonStringEnumConverter<StatusReason>))]
public enum StatusReason
{
    OutOfStock,
    PaymentFailed,
    CustomerCancelled,
    PickupExpired,
    PaymentMethodTimeout,

    /// <summary>A step kept failing after its retries (a store or gateway down); whatever was held was given back.</summary>
    ProcessingFailed,
}

[JsonConverter(typeof(JsonStringEnumConverter<FulfillmentType>))]
public enum FulfillmentType
{
    [JsonStringEnumMemberName("pickup")]
    Pickup,

    [JsonStringEnumMemberName("delivery")]
    Delivery,
}

public static class OrderStatusExtensions
{
    public static bool IsFinal(this OrderStatus status) =>
        status is OrderStatus.Completed or OrderStatus.Cancelled or OrderStatus.Rejected;
}
