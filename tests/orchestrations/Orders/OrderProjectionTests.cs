using AsyncCommerce.Orders;
using AsyncCommerce.Payments;
using static AsyncCommerce.Orchestrations.Tests.OrderEventsBuilder;

namespace AsyncCommerce.Orchestrations.Tests.Orders;

public sealed class OrderProjectionTests
{
    // ---- OrderPlaced ----

    [Fact]
    public void Apply_OrderPlaced_CreatesAcceptedViewOfTheOrder()
    {
        var stream = PickupOrder();
        var placed = (OrderPlaced)stream.Last.Data;

        var view = stream.Project();

        Assert.Equal(OrderId, view.OrderId);
        Assert.Equal(OrderStatus.Accepted, view.Status);
        Assert.Null(view.StatusReason);
        Assert.Equal(placed.CustomerId, view.CustomerId);
        Assert.Equal(placed.Fulfillment, view.Fulfillment);
        Assert.Equal(placed.Lines, view.Lines);
        Assert.Equal(placed.Total, view.Total);
    }

    [Fact]
    public void Apply_OrderPlaced_StartsWithPendingPaymentAndNoAttempts()
    {
        var view = PickupOrder().Project();

        Assert.Equal(PaymentStatus.Pending, view.Payment.Status);
        Assert.Null(view.Payment.Method);
        Assert.Empty(view.Payment.Attempts);
    }

    [Fact]
    public void Apply_OrderPlaced_StampsVersionAndTimesFromTheEvent()
    {
        var view = PickupOrder().Project();

        Assert.Equal(1, view.Version);
        Assert.Equal(PlacedAt, view.CreatedAt);
        Assert.Equal(PlacedAt, view.UpdatedAt);
    }

    [Fact]
    public void Apply_PickupOrderPlaced_HasPickupAtTheStoreWithoutCode()
    {
        var view = PickupOrder().Project();

        Assert.Equal(new PickupView(StoreId, null, null, null), view.Pickup);
    }

    [Fact]
    public void Apply_DeliveryOrderPlaced_HasNoPickup()
    {
        var view = DeliveryOrder().Project();

        Assert.Null(view.Pickup);
    }

    // ---- each later event ----

    [Fact]
    public void Apply_StockReserved_MovesToProcessing()
    {
        var view = PickupOrder().Then(new StockReserved(StoreId)).Project();

        Assert.Equal(OrderStatus.Processing, view.Status);
    }

    [Fact]
    public void Apply_PaymentAttempts_ListsEachAttemptInOrder()
    {
        var view = PickupOrder()
            .Then(new StockReserved(StoreId))
            .Then(new PaymentAttempted(0, "card", PaymentOutcome.TransientFailure, "gateway_timeout"))
            .Then(new PaymentAttempted(0, "card", PaymentOutcome.Declined, "card_declined"))
            .Then(new PaymentAttempted(1, "wallet", PaymentOutcome.Approved, null))
            .Project();

        Assert.Equal(
            [
                new PaymentAttemptView("card", PaymentOutcome.TransientFailure, "gateway_timeout"),
                new PaymentAttemptView("card", PaymentOutcome.Declined, "card_declined"),
                new PaymentAttemptView("wallet", PaymentOutcome.Approved, null),
            ],
            view.Payment.Attempts);
    }

    [Fact]
    public void Apply_PaymentAttempted_LeavesPaymentPending()
    {
        var view = PickupOrder()
            .Then(new StockReserved(StoreId))
            .Then(new PaymentAttempted(0, "card", PaymentOutcome.Declined, "card_declined"))
            .Project();

        Assert.Equal(PaymentStatus.Pending, view.Payment.Status);
        Assert.Equal(OrderStatus.Processing, view.Status);
    }

    [Fact]
    public void Apply_PaymentAuthorized_MarksPaymentAuthorizedWithTheMethodUsed()
    {
        var view = PickupOrder().ThenAuthorized("wallet").Project();

        Assert.Equal(PaymentStatus.Authorized, view.Payment.Status);
        Assert.Equal("wallet", view.Payment.Method);
        Assert.Equal(OrderStatus.Processing, view.Status);
    }

    [Fact]
    public void Apply_PaymentMethodsExhausted_AwaitsPaymentMethodWithFailedPayment()
    {
        var view = PickupOrder().ThenPaymentMethodsExhausted().Project();

        Assert.Equal(OrderStatus.AwaitingPaymentMethod, view.Status);
        Assert.Equal(PaymentStatus.Failed, view.Payment.Status);
    }

    [Fact]
    public void Apply_PaymentMethodAdded_ResumesProcessingWithPendingPayment()
    {
        var view = PickupOrder().ThenPaymentMethodsExhausted().Then(new PaymentMethodAdded(2, "giftcard")).Project();

        Assert.Equal(OrderStatus.Processing, view.Status);
        Assert.Equal(PaymentStatus.Pending, view.Payment.Status);
    }

    [Fact]
    public void Apply_PaymentMethodAdded_KeepsTheEarlierAttempts()
    {
        var view = PickupOrder().ThenPaymentMethodsExhausted().Then(new PaymentMethodAdded(2, "giftcard")).Project();

        Assert.Equal(["card", "wallet"], view.Payment.Attempts.Select(a => a.Method));
    }

    [Fact]
    public void Apply_OrderConfirmed_MovesToConfirmed()
    {
        var view = PickupOrder().ThenAuthorized().Then(new OrderConfirmed(FulfillmentType.Pickup)).Project();

        Assert.Equal(OrderStatus.Confirmed, view.Status);
    }

    [Fact]
    public void Apply_ReadyForPickup_MovesToReadyForPickup()
    {
        var view = PickupOrder().ThenAuthorized().Then(new ReadyForPickup(StoreId, "042917", ReadyAt, ExpiresAt)).Project();

        Assert.Equal(OrderStatus.ReadyForPickup, view.Status);
    }

    [Fact]
    public void Apply_ReadyForPickup_ShowsCodeAndWindow()
    {
        var view = PickupOrder().ThenAuthorized().Then(new ReadyForPickup(StoreId, "042917", ReadyAt, ExpiresAt)).Project();

        Assert.Equal(new PickupView(StoreId, "042917", ReadyAt, ExpiresAt), view.Pickup);
    }

    [Fact]
    public void Apply_PaymentCaptured_MarksPaymentCaptured()
    {
        var view = DeliveryOrder().ThenAuthorized().Then(new PaymentCaptured("auth-1", Total)).Project();

        Assert.Equal(PaymentStatus.Captured, view.Payment.Status);
        Assert.Equal("card", view.Payment.Method);
    }

    [Fact]
    public void Apply_PaymentVoided_MarksPaymentVoided()
    {
        var view = PickupOrder().ThenAuthorized().Then(new PaymentVoided("auth-1")).Project();

        Assert.Equal(PaymentStatus.Voided, view.Payment.Status);
    }

    [Fact]
    public void Apply_PaymentRefunded_MarksPaymentRefunded()
    {
        var view = PickupOrder().ThenAuthorized().Then(new PaymentRefunded("auth-1", Total)).Project();

        Assert.Equal(PaymentStatus.Refunded, view.Payment.Status);
    }

    [Fact]
    public void Apply_OrderCompleted_CompletesWithoutReason()
    {
        var view = DeliveryOrder()
            .ThenAuthorized()
            .Then(new PaymentCaptured("auth-1", Total))
            .Then(new StockCommitted("dc-001"))
            .Then(new OrderCompleted())
            .Project();

        Assert.Equal(OrderStatus.Completed, view.Status);
        Assert.Null(view.StatusReason);
    }

    [Theory]
    [InlineData(StatusReason.CustomerCancelled)]
    [InlineData(StatusReason.PickupExpired)]
    public void Apply_OrderCancelled_CancelsWithTheReason(StatusReason reason)
    {
        var view = PickupOrder().ThenAuthorized().Then(new PaymentVoided("auth-1")).Then(new OrderCancelled(reason)).Project();

        Assert.Equal(OrderStatus.Cancelled, view.Status);
        Assert.Equal(reason, view.StatusReason);
    }

    [Fact]
    public void Apply_OrderCancelled_KeepsThePaymentStatus()
    {
        var view = PickupOrder().ThenAuthorized().Then(new PaymentVoided("auth-1")).Then(new OrderCancelled(StatusReason.PickupExpired)).Project();

        Assert.Equal(PaymentStatus.Voided, view.Payment.Status);
    }

    [Fact]
    public void Apply_OrderRejectedOutOfStock_RejectsWithReasonAndPaymentStillPending()
    {
        var view = PickupOrder().Then(new OrderRejected(StatusReason.OutOfStock, "SKU-1001: 2 wanted, 1 available")).Project();

        Assert.Equal(OrderStatus.Rejected, view.Status);
        Assert.Equal(StatusReason.OutOfStock, view.StatusReason);
        Assert.Equal(PaymentStatus.Pending, view.Payment.Status);
    }

    [Fact]
    public void Apply_OrderRejectedForPayment_RejectsWithReasonAndFailedPayment()
    {
        var view = PickupOrder()
            .ThenPaymentMethodsExhausted()
            .Then(new PaymentMethodAdded(2, "giftcard"))
            .Then(new PaymentAttempted(2, "giftcard", PaymentOutcome.Declined, "gc_empty"))
            .Then(new StockReleased(StoreId))
            .Then(new OrderRejected(StatusReason.PaymentFailed, null))
            .Project();

        Assert.Equal(OrderStatus.Rejected, view.Status);
        Assert.Equal(StatusReason.PaymentFailed, view.StatusReason);
        Assert.Equal(PaymentStatus.Failed, view.Payment.Status);
    }

    [Fact]
    public void Apply_OrderRejectedAfterTimeout_RejectsWithPaymentMethodTimeout()
    {
        var view = PickupOrder()
            .ThenPaymentMethodsExhausted()
            .Then(new StockReleased(StoreId))
            .Then(new OrderRejected(StatusReason.PaymentMethodTimeout, null))
            .Project();

        Assert.Equal(OrderStatus.Rejected, view.Status);
        Assert.Equal(StatusReason.PaymentMethodTimeout, view.StatusReason);
    }

    [Theory]
    [InlineData(nameof(PickupPreparationOverdue))]
    [InlineData(nameof(PickupReminderDue))]
    [InlineData(nameof(StockCommitted))]
    [InlineData(nameof(StockReleased))]
    public void Apply_AuditOnlyEvent_ChangesOnlyVersionAndUpdatedAt(string eventType)
    {
        var stream = PickupOrder().ThenAuthorized().Then(new ReadyForPickup(StoreId, "042917", ReadyAt, ExpiresAt));
        var before = stream.Project();

        var after = stream.Then(SampleOf(eventType)).Project();

        OrderViewAssert.Equal(before with { Version = stream.Last.Sequence, UpdatedAt = stream.Last.OccurredAt }, after);
    }

    [Fact]
    public void Apply_LaterEvent_StampsVersionAndUpdatedAtButKeepsCreatedAt()
    {
        var stream = PickupOrder().ThenAuthorized();

        var view = stream.Project();

        Assert.Equal(4, view.Version);
        Assert.Equal(OccurredAt(4), view.UpdatedAt);
        Assert.Equal(PlacedAt, view.CreatedAt);
    }

    // ---- idempotency ----

    [Fact]
    public void Apply_SameEventsAgain_ChangesNothing()
    {
        var stream = PickupOrder().ThenAuthorized().Then(new OrderConfirmed(FulfillmentType.Pickup));
        var view = stream.Project();

        var again = OrderProjection.Apply(view, stream.Events);

        OrderViewAssert.Equal(view, again);
    }

    [Fact]
    public void Apply_OlderEventsToNewerView_ChangesNothing()
    {
        var stream = PickupOrder().ThenAuthorized().Then(new OrderConfirmed(FulfillmentType.Pickup));
        var view = stream.Project();

        var again = OrderProjection.Apply(view, stream.Events.Take(2));

        OrderViewAssert.Equal(view, again);
    }

    [Fact]
    public void Apply_EventsOutOfOrder_AppliesThemBySequence()
    {
        var stream = PickupOrder().ThenAuthorized().Then(new OrderConfirmed(FulfillmentType.Pickup));

        var view = OrderProjection.Apply(null, stream.Events.Reverse());

        OrderViewAssert.Equal(stream.Project(), view);
    }

    [Fact]
    public void Apply_StreamDeliveredInTwoParts_EqualsProjectingItAtOnce()
    {
        var stream = PickupOrder().ThenAuthorized().Then(new OrderConfirmed(FulfillmentType.Pickup));
        var firstPart = OrderProjection.Apply(null, stream.Events.Take(3));

        var view = OrderProjection.Apply(firstPart, stream.Events.Skip(1));

        OrderViewAssert.Equal(stream.Project(), view);
    }

    [Fact]
    public void Apply_SingleOlderEventToNewerView_ChangesNothing()
    {
        var stream = PickupOrder().ThenAuthorized().Then(new OrderConfirmed(FulfillmentType.Pickup));
        var view = stream.Project();

        var again = OrderProjection.Apply(view, stream.Events[1]);

        OrderViewAssert.Equal(view, again);
    }

    [Fact]
    public void Apply_NoEvents_ReturnsTheViewAsItWas()
    {
        var view = PickupOrder().Project();

        Assert.Same(view, OrderProjection.Apply(view, []));
        Assert.Null(OrderProjection.Apply(null, []));
    }

    // ---- a stream must start with OrderPlaced ----

    [Fact]
    public void Apply_StreamNotStartingWithOrderPlaced_Throws()
    {
        var stream = Empty().Then(new StockReserved(StoreId));

        var error = Assert.Throws<InvalidOperationException>(() => OrderProjection.Apply(null, stream.Events));

        Assert.Contains(nameof(OrderPlaced), error.Message, StringComparison.Ordinal);
        Assert.Contains(OrderId, error.Message, StringComparison.Ordinal);
    }
}
