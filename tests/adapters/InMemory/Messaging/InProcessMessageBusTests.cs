using AsyncCommerce.Adapters.Behaviours.Support;
using AsyncCommerce.Notifications;
using AsyncCommerce.Orders;

namespace AsyncCommerce.Adapters.InMemory.Tests.Messaging;

public sealed class InProcessMessageBusTests
{
    [Fact]
    public async Task WaitForIdle_WhenNothingWasPublished_CompletesAtOnce()
    {
        await using var harness = await BusHarness.StartAsync();

        Assert.True(harness.Bus.WaitForIdleAsync().IsCompleted);
    }

    [Fact]
    public async Task Publish_WhenTheConsumerSucceeds_DeliversBeforeIdle()
    {
        await using var harness = await BusHarness.StartAsync();
        var orderId = await harness.PlaceOrderAsync(OrderFacts.Contact("ada@example.com", "+15551234567"));

        var confirmed = await harness.RecordAsync(orderId, new OrderConfirmed(FulfillmentType.Pickup));
        await harness.WaitForIdleAsync();

        Assert.Equal([NotificationChannel.Email, NotificationChannel.Sms], harness.Sender.Delivered.Select(m => m.Channel));
        var timeline = await harness.Log.ListAsync(orderId);
        Assert.All(timeline, record => Assert.Equal(confirmed.Sequence, record.EventSequence));
        Assert.Equal(2, timeline.Count);
    }

    [Fact]
    public async Task Publish_WhenTheConsumerThrowsTwice_RedeliversAndSendsOnce()
    {
        await using var harness = await BusHarness.StartAsync(senderFailures: 2);
        var orderId = await harness.PlaceOrderAsync();

        await harness.RecordAsync(orderId, new OrderConfirmed(FulfillmentType.Pickup));
        await harness.WaitForIdleAsync();

        Assert.Equal(3, harness.Sender.Attempts);
        Assert.Single(harness.Sender.Delivered);
        Assert.Single(await harness.Log.ListAsync(orderId));
        Assert.Empty(harness.Bus.DeadLetters);
    }

    [Fact]
    public async Task Publish_WhenTheConsumerAlwaysThrows_DeadLettersAfterMaxDeliveries()
    {
        await using var harness = await BusHarness.StartAsync(senderFailures: ScriptedNotificationSender.AlwaysFail, maxDeliveryCount: 4);
        var orderId = await harness.PlaceOrderAsync();

        var confirmed = await harness.RecordAsync(orderId, new OrderConfirmed(FulfillmentType.Pickup));
        await harness.WaitForIdleAsync();

        var deadLetter = Assert.Single(harness.Bus.DeadLetters);
        Assert.Equal(confirmed, deadLetter.Event);
        Assert.Equal(4, deadLetter.DeliveryCount);
        Assert.Contains("The provider is down.", deadLetter.Reason, StringComparison.Ordinal);
        Assert.Equal(4, harness.Sender.Attempts);
        Assert.Empty(await harness.Log.ListAsync(orderId));
    }

    [Fact]
    public async Task Publish_WhenAnEarlierEventIsRedelivered_KeepsTheOrdersEventsInOrder()
    {
        await using var harness = await BusHarness.StartAsync(senderFailures: 1);
        var orderId = await harness.PlaceOrderAsync();
        var readyAt = OrderFacts.Epoch;

        await harness.RecordAsync(orderId, new OrderConfirmed(FulfillmentType.Pickup));
        await harness.RecordAsync(orderId, new ReadyForPickup("store-001", "123456", readyAt, readyAt.AddDays(3)));
        await harness.RecordAsync(orderId, new PickupReminderDue("store-001", readyAt.AddDays(3)));
        await harness.RecordAsync(orderId, new OrderCompleted());
        await harness.WaitForIdleAsync();

        Assert.Equal(
            [NotificationKind.OrderConfirmed, NotificationKind.ReadyForPickup, NotificationKind.PickupReminder, NotificationKind.Completed],
            harness.Sender.Delivered.Select(m => m.Kind));
    }

    [Fact]
    public async Task Publish_ForManyOrdersAtOnce_DeliversEachOrdersEventsInOrder()
    {
        await using var harness = await BusHarness.StartAsync();
        var orderIds = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => harness.PlaceOrderAsync()));

        await Task.WhenAll(orderIds.Select(orderId => Task.Run(async () =>
        {
            await harness.RecordAsync(orderId, new OrderConfirmed(FulfillmentType.Delivery));
            await harness.RecordAsync(orderId, new OrderCompleted());
        })));
        await harness.WaitForIdleAsync();

        Assert.Equal(80, harness.Sender.Delivered.Count);
        Assert.All(
            harness.Sender.Delivered.GroupBy(m => m.OrderId),
            order => Assert.Equal([NotificationKind.OrderConfirmed, NotificationKind.Completed], order.Select(m => m.Kind)));
    }

    [Fact]
    public async Task Publish_SameEventTwice_SendsItOnce()
    {
        await using var harness = await BusHarness.StartAsync();
        var orderId = await harness.PlaceOrderAsync();

        var confirmed = await harness.RecordAsync(orderId, new OrderConfirmed(FulfillmentType.Pickup));
        await harness.Bus.PublishAsync(confirmed);
        await harness.WaitForIdleAsync();

        Assert.Single(harness.Sender.Delivered);
    }

    [Fact]
    public async Task WaitForIdle_WhileAMessageAwaitsRedelivery_DoesNotComplete()
    {
        await using var harness = await BusHarness.StartAsync(senderFailures: 1, redeliveryDelay: TimeSpan.FromMinutes(10));
        var orderId = await harness.PlaceOrderAsync();

        await harness.RecordAsync(orderId, new OrderConfirmed(FulfillmentType.Pickup));

        // Proving that something does not happen needs a bounded wait; the redelivery is minutes away.
        using var shortWait = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => harness.Bus.WaitForIdleAsync(shortWait.Token));
        Assert.Empty(harness.Sender.Delivered);
    }
}
