using System.Collections.Concurrent;
using AsyncCommerce.Notifications;
using Microsoft.Extensions.Logging;

namespace AsyncCommerce.Adapters.Simulated.Notifications;

/// <summary>An email and SMS provider that only logs (recipient masked) and remembers what it was asked to send.</summary>
public sealed partial class SimulatedNotificationSender(ILogger<SimulatedNotificationSender> logger) : INotificationSender
{
    private readonly ConcurrentQueue<NotificationMessage> _sent = new();

    /// <summary>Every message sent, oldest first, with its full address (for tests; never logged).</summary>
    public IReadOnlyList<NotificationMessage> Sent => [.. _sent];

    public Task SendAsync(NotificationMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        cancellationToken.ThrowIfCancellationRequested();

        _sent.Enqueue(message);
        LogDelivered(message.OrderId, message.Kind, message.Channel, Masked(message));
        return Task.CompletedTask;
    }

    private static string Masked(NotificationMessage message) => message.Channel switch
    {
        NotificationChannel.Email => RecipientMask.Email(message.Address),
        NotificationChannel.Sms => RecipientMask.Phone(message.Address),
        _ => "***",
    };

    [LoggerMessage(EventId = 3101, EventName = "SimulatedNotificationDelivered", Level = LogLevel.Information, Message = "Order {OrderId}: simulated {Channel} {Kind} delivered to {Recipient}")]
    private partial void LogDelivered(string orderId, NotificationKind kind, NotificationChannel channel, string recipient);
}
