using AsyncCommerce.Notifications;
using AsyncCommerce.Orders;

namespace AsyncCommerce.Api.Checkout;

/// <summary>
/// Contact details leave the API masked in every response, the way the notification timeline always showed them: only
/// the notification sender, inside the system, reads them whole. Masked here, where stored records become responses,
/// so the workflows keep what they need and no route can hand out more.
/// </summary>
internal static class ContactMasking
{
    public static OrderEventResponse Event(OrderEvent orderEvent)
    {
        ArgumentNullException.ThrowIfNull(orderEvent);
        var data = orderEvent.Data is OrderPlaced placed ? placed with { Contact = RecipientMask.Apply(placed.Contact) } : orderEvent.Data;
        return new OrderEventResponse(orderEvent.Sequence, orderEvent.EventId, orderEvent.Type, orderEvent.OccurredAt, data);
    }

    public static NotificationRecord Notification(NotificationRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record with { Recipient = RecipientMask.Recipient(record.Channel, record.Recipient) };
    }
}
