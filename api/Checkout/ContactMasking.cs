using AsyncCommerce.Notifications;
using AsyncCommerce.Orders;
using AsyncCommerce.Privacy;

namespace AsyncCommerce.Api.Checkout;

/// <summary>
/// Contact details leave the API masked in every response, the way the notification timeline always showed them: only
/// the notification sender, inside the system, reads them whole. Masked here, where stored records become responses,
/// so the workflows keep what they need and no route can hand out more. Stored, they are sealed under the customer's
/// key: opened here to be masked, and shown as null once the customer's personal data was erased.
/// </summary>
internal static class ContactMasking
{
    public static async Task<IReadOnlyList<OrderEventResponse>> EventsAsync(
        IReadOnlyList<OrderEvent> stream, PersonalDataProtection protection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(protection);
        var events = new List<OrderEventResponse>(stream.Count);
        foreach (var orderEvent in stream)
        {
            var data = orderEvent.Data is OrderPlaced placed ? await PlacedAsync(placed, protection, cancellationToken) : (object)orderEvent.Data;
            events.Add(new OrderEventResponse(orderEvent.Sequence, orderEvent.EventId, orderEvent.Type, orderEvent.OccurredAt, data));
        }

        return events;
    }

    /// <param name="recipient">The recipient as opened from the log; null where the customer's personal data was erased.</param>
    public static NotificationResponse Notification(NotificationRecord record, string? recipient)
    {
        ArgumentNullException.ThrowIfNull(record);
        var masked = recipient is null ? null : RecipientMask.Recipient(record.Channel, recipient);
        return new NotificationResponse(record.OrderId, record.Kind, record.Channel, masked, record.EventSequence, record.SentAt);
    }

    private static async Task<PlacedOrderData> PlacedAsync(OrderPlaced placed, PersonalDataProtection protection, CancellationToken cancellationToken)
    {
        var opened = await protection.OpenAsync(placed.CustomerId, placed.Contact, cancellationToken);
        var contact = opened is null ? null : RecipientMask.Apply(opened.Contact);
        return new PlacedOrderData(placed.CustomerId, contact, placed.Fulfillment, placed.LocationId, placed.Lines, placed.Total, placed.PaymentMethods);
    }
}

/// <summary>
/// <see cref="OrderPlaced"/> as the audit trail shows it: the contact masked, or null once the customer's personal data
/// was erased (the stored event keeps only ciphertext under a destroyed key).
/// </summary>
internal sealed record PlacedOrderData(
    string CustomerId,
    Contact? Contact,
    Fulfillment Fulfillment,
    string LocationId,
    IReadOnlyList<OrderLine> Lines,
    Money Total,
    IReadOnlyList<string> PaymentMethods);
