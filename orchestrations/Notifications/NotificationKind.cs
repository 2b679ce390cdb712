using System.Text.Json.Serialization;

namespace AsyncCommerce.Notifications;

[JsonConverter(typeof(JsonStringEnumConverter<NotificationKind>))]
public enum NotificationKind
{
    OrderConfirmed,
    PaymentActionRequired,
    ReadyForPickup,
    PickupReminder,
    Completed,
    Cancelled,
    Rejected,
}

[JsonConverter(typeof(JsonStringEnumConverter<NotificationChannel>))]
public enum NotificationChannel
{
    [JsonStringEnumMemberName("email")]
    Email,

    [JsonStringEnumMemberName("sms")]
    Sms,
}
