using AsyncCommerce.Orders;
using AsyncCommerce.Privacy;
using AsyncCommerce.Telemetry;
using Microsoft.Extensions.Logging;

namespace AsyncCommerce.Notifications;

/// <summary>
/// Fans an order event out to the customer's channels. Host-agnostic (an in-process bus or a Service Bus
/// processor calls it) and safe under redelivery: each (event, channel) is recorded once it is sent, and a
/// delivery of an event already recorded for a channel sends nothing on it.
/// </summary>
public sealed partial class NotificationConsumer(
    IOrderEventStore events,
    INotificationLog log,
    INotificationSender sender,
    PersonalDataProtection protection,
    TimeProvider clock,
    ILogger<NotificationConsumer> logger)
{
    /// <summary>Sends the event's notification on every channel the customer gave.</summary>
    public Task HandleAsync(OrderEvent orderEvent, CancellationToken cancellationToken = default) =>
        HandleAsync(orderEvent, onlyChannel: null, cancellationToken);

    /// <summary>
    /// Sends the event's notification on one channel only: for a bus with one subscription per channel,
    /// where each subscription's consumer owns its channel.
    /// </summary>
    public async Task HandleAsync(OrderEvent orderEvent, NotificationChannel? onlyChannel, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(orderEvent);
        if (NotificationPlan.KindFor(orderEvent.Data) is not { } kind)
            return;

        var placed = await FindPlacedAsync(orderEvent.OrderId, cancellationToken);
        if (placed is null)
        {
            LogNoContact(orderEvent.OrderId, kind);
            return;
        }

        // Opened only here, for the send: nothing else in the system ever holds the contact in plain text.
        var opened = await protection.OpenAsync(placed.CustomerId, placed.Contact, cancellationToken);
        if (opened is null)
        {
            // Erased on the customer's request: the order goes on, the customer is not contacted any more.
            LogErased(orderEvent.OrderId, kind);
            return;
        }

        var contact = opened.Contact;
        var text = NotificationPlan.TextFor(orderEvent.OrderId, orderEvent.Data);
        var alreadySent = await SentChannelsAsync(orderEvent, cancellationToken);
        foreach (var (channel, address, masked) in Recipients(contact))
        {
            if (onlyChannel is not null && channel != onlyChannel)
                continue;
            if (alreadySent.Contains(channel))
            {
                LogDuplicate(orderEvent.OrderId, kind, channel, orderEvent.Sequence);
                continue;
            }

            // Send first, record after: a crash in between means a redelivery sends again (at least once), never
            // that the customer is not told. The record, unique per (event, channel), keeps the timeline exact.
            using var span = OrderEventTracing.StartNotificationSend(orderEvent, kind, channel);
            await sender.SendAsync(new NotificationMessage(orderEvent.OrderId, kind, channel, address, text), cancellationToken);
            // Even masked, the recipient is the customer's: sealed under their key, it is erased with it.
            var recipient = PersonalDataProtection.SealText(opened.Key, masked);
            var record = new NotificationRecord(orderEvent.OrderId, kind, channel, recipient, orderEvent.Sequence, clock.GetUtcNow());
            if (await log.TryAddAsync(record, CancellationToken.None))
            {
                // Counted here, where the log takes the (event, channel) for the first time: a redelivery counts nothing.
                CommerceMetrics.NotificationSent(kind, channel);
                LogSent(orderEvent.OrderId, kind, channel, masked);
            }
            else
            {
                LogDuplicate(orderEvent.OrderId, kind, channel, orderEvent.Sequence);
            }
        }
    }

    private async Task<HashSet<NotificationChannel>> SentChannelsAsync(OrderEvent orderEvent, CancellationToken cancellationToken)
    {
        var sent = await log.ListAsync(orderEvent.OrderId, cancellationToken);
        return [.. sent.Where(r => r.EventSequence == orderEvent.Sequence).Select(r => r.Channel)];
    }

    private async Task<OrderPlaced?> FindPlacedAsync(string orderId, CancellationToken cancellationToken)
    {
        var stream = await events.ReadAsync(orderId, 0, cancellationToken);
        return stream.Select(e => e.Data).OfType<OrderPlaced>().FirstOrDefault();
    }

    private static IEnumerable<(NotificationChannel Channel, string Address, string Masked)> Recipients(Contact contact)
    {
        if (!string.IsNullOrWhiteSpace(contact.Email))
            yield return (NotificationChannel.Email, contact.Email, RecipientMask.Email(contact.Email));
        if (!string.IsNullOrWhiteSpace(contact.Phone))
            yield return (NotificationChannel.Sms, contact.Phone, RecipientMask.Phone(contact.Phone));
    }

    [LoggerMessage(EventId = 3001, EventName = "NotificationSent", Level = LogLevel.Information, Message = "Order {OrderId}: {Kind} sent by {Channel} to {Recipient}")]
    private partial void LogSent(string orderId, NotificationKind kind, NotificationChannel channel, string recipient);

    [LoggerMessage(EventId = 3002, EventName = "NotificationDuplicate", Level = LogLevel.Debug, Message = "Order {OrderId}: {Kind} by {Channel} for event {Sequence} was already sent; duplicate delivery ignored")]
    private partial void LogDuplicate(string orderId, NotificationKind kind, NotificationChannel channel, int sequence);

    [LoggerMessage(EventId = 3003, EventName = "NotificationNoContact", Level = LogLevel.Warning, Message = "Order {OrderId}: {Kind} not sent, the order has no contact")]
    private partial void LogNoContact(string orderId, NotificationKind kind);

    [LoggerMessage(EventId = 3004, EventName = "NotificationSkippedErased", Level = LogLevel.Information, Message = "Order {OrderId}: {Kind} not sent, the customer's personal data was erased")]
    private partial void LogErased(string orderId, NotificationKind kind);
}
