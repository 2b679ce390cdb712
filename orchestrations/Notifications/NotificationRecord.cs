namespace AsyncCommerce.Notifications;

/// <summary>
/// What the customer was sent: the recipient is masked, and as stored it is also sealed under the customer's data key
/// (<see cref="Privacy.SealedText"/>), so that an erasure takes it too; the timeline route opens it.
/// </summary>
public sealed record NotificationRecord(
    string OrderId,
    NotificationKind Kind,
    NotificationChannel Channel,
    string Recipient,
    int EventSequence,
    DateTimeOffset SentAt);

/// <summary>What a sender delivers; the only place the full address travels.</summary>
public sealed record NotificationMessage(string OrderId, NotificationKind Kind, NotificationChannel Channel, string Address, string Text);
