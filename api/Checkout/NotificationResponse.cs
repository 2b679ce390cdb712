using System.ComponentModel;
using AsyncCommerce.Notifications;

namespace AsyncCommerce.Api.Checkout;

/// <summary>One entry of the order's notification timeline, as a support agent reads it.</summary>
public sealed record NotificationResponse(
    string OrderId,
    NotificationKind Kind,
    NotificationChannel Channel,
    [property: Description("Masked (`a***@example.com`, `+1*******567`); null once the customer's personal data was erased (`DELETE /api/customers/{customerId}/personal-data`).")]
    string? Recipient,
    int EventSequence,
    DateTimeOffset SentAt);
