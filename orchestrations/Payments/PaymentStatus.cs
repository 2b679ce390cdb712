using System.Text.Json.Serialization;

namespace AsyncCommerce.Payments;

[JsonConverter(typeof(JsonStringEnumConverter<PaymentStatus>))]
public enum PaymentStatus
{
    Pending,
    Authorized,
    Captured,
    Voided,
    Refunded,
    Failed,
}

[JsonConverter(typeof(JsonStringEnumConverter<PaymentOutcome>))]
public enum PaymentOutcome
{
    Approved,
    Declined,
    TransientFailure,
}
