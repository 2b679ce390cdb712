namespace AsyncCommerce.Notifications;

/// <summary>What the customer was sent, as a support agent sees it: the recipient is masked.</summary>
public sealed record NotificationRecord(
    string OrderId,
    NotificationKind Kind,
    NotificationChannel Channel,
    string Recipient,
    int EventSequence,
    DateTimeOffset SentAt);

/// <summary>What a sender delivers; the only place the full address travels.</summary>
public sealed record NotificationMessage(string OrderId, NotificationKind Kind, NotificationChannel Channel, string Address, string Text);
