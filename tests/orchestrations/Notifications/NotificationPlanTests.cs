using System.Reflection;
using System.Text.Json.Serialization;
using AsyncCommerce.Notifications;
using AsyncCommerce.Orders;
using static AsyncCommerce.Orchestrations.Tests.OrderEventsBuilder;

namespace AsyncCommerce.Orchestrations.Tests.Notifications;

public sealed class NotificationPlanTests
{
    [Theory]
    [InlineData(nameof(OrderConfirmed), NotificationKind.OrderConfirmed)]
    [InlineData(nameof(PaymentMethodsExhausted), NotificationKind.PaymentActionRequired)]
    [InlineData(nameof(ReadyForPickup), NotificationKind.ReadyForPickup)]
    [InlineData(nameof(PickupReminderDue), NotificationKind.PickupReminder)]
    [InlineData(nameof(OrderCompleted), NotificationKind.Completed)]
    [InlineData(nameof(OrderCancelled), NotificationKind.Cancelled)]
    [InlineData(nameof(OrderRejected), NotificationKind.Rejected)]
    public void KindFor_NotifyingEvent_ReturnsItsKind(string eventType, NotificationKind kind)
    {
        Assert.Equal(kind, NotificationPlan.KindFor(SampleOf(eventType)));
    }

    [Theory]
    [InlineData(nameof(OrderPlaced))]
    [InlineData(nameof(StockReserved))]
    [InlineData(nameof(PaymentAttempted))]
    [InlineData(nameof(PaymentAuthorized))]
    [InlineData(nameof(PaymentMethodAdded))]
    [InlineData(nameof(PickupPreparationOverdue))]
    [InlineData(nameof(PaymentCaptured))]
    [InlineData(nameof(PaymentVoided))]
    [InlineData(nameof(PaymentRefunded))]
    [InlineData(nameof(StockCommitted))]
    [InlineData(nameof(StockReleased))]
    public void KindFor_InternalEvent_ReturnsNoKind(string eventType)
    {
        Assert.Null(NotificationPlan.KindFor(SampleOf(eventType)));
    }

    [Fact]
    public void NotifyingEventTypes_EveryEventType_ListedExactlyWhenItHasAKind()
    {
        var withKind = typeof(OrderEventData).GetCustomAttributes<JsonDerivedTypeAttribute>()
            .Select(derived => derived.DerivedType.Name)
            .Where(type => NotificationPlan.KindFor(SampleOf(type)) is not null);

        Assert.Equal(withKind.Order(StringComparer.Ordinal), NotificationPlan.NotifyingEventTypes.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(nameof(OrderConfirmed), "Your order order-42 is confirmed.")]
    [InlineData(nameof(PaymentMethodsExhausted), "We could not take payment for order order-42. Please add another payment method.")]
    [InlineData(nameof(ReadyForPickup), "Order order-42 is ready at store-001. Your pickup code is 042917; collect by 2025-03-04 11:00:00Z.")]
    [InlineData(nameof(PickupReminderDue), "Reminder: order order-42 is waiting at store-001 until 2025-03-04 11:00:00Z.")]
    [InlineData(nameof(OrderCompleted), "Order order-42 is complete. Thank you!")]
    [InlineData(nameof(OrderCancelled), "Order order-42 was cancelled (PickupExpired).")]
    [InlineData(nameof(OrderRejected), "We could not complete order order-42 (PaymentFailed).")]
    public void TextFor_NotifyingEvent_TellsTheCustomerWhatHappened(string eventType, string text)
    {
        Assert.Equal(text, NotificationPlan.TextFor(OrderId, SampleOf(eventType)));
    }

    [Fact]
    public void TextFor_ReadyForPickupExpiringInAnotherOffset_StatesTheExpiryInUtc()
    {
        var expiresAt = new DateTimeOffset(2025, 3, 4, 13, 0, 0, TimeSpan.FromHours(2));

        var text = NotificationPlan.TextFor(OrderId, new ReadyForPickup(StoreId, "042917", ReadyAt, expiresAt));

        Assert.EndsWith("collect by 2025-03-04 11:00:00Z.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void TextFor_CustomerCancelled_NamesTheReason()
    {
        var text = NotificationPlan.TextFor(OrderId, new OrderCancelled(StatusReason.CustomerCancelled));

        Assert.Equal("Order order-42 was cancelled (CustomerCancelled).", text);
    }

    [Fact]
    public void TextFor_RejectedOutOfStock_NamesTheReasonNotTheDetail()
    {
        var text = NotificationPlan.TextFor(OrderId, new OrderRejected(StatusReason.OutOfStock, "SKU-1001: 2 wanted, 1 available"));

        Assert.Equal("We could not complete order order-42 (OutOfStock).", text);
    }
}
