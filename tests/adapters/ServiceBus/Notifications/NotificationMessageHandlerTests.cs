using AsyncCommerce.Adapters.ServiceBus.Settlement;
using AsyncCommerce.Adapters.ServiceBus.Tests.Support;
using AsyncCommerce.Notifications;
using AsyncCommerce.Orders;
using AsyncCommerce.Payments;
using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Time.Testing;

namespace AsyncCommerce.Adapters.ServiceBus.Tests.Notifications;

public sealed class NotificationMessageHandlerTests
{
    private static readonly int MaxDeliveryCount = NotificationHarness.Names.MaxDeliveryCount;

    [Fact]
    public async Task Handle_WhenTheConsumerSucceeds_SendsTheSubscriptionsChannelAndCompletes()
    {
        var harness = new NotificationHarness();
        var confirmed = await harness.ConfirmedOrderAsync();
        var message = ReceivedMessages.For(confirmed);

        var decision = await harness.DeliverAsync(message, NotificationChannel.Email);

        Assert.Equal(SettlementDecision.Completed, decision);
        Assert.Equal([new Settled(SettlementAction.Complete, confirmed.EventId)], harness.Settlements.Settled);
        var sent = Assert.Single(harness.Sender.Delivered);
        Assert.Equal((confirmed.OrderId, NotificationKind.OrderConfirmed, NotificationChannel.Email, "ada@example.com"), (sent.OrderId, sent.Kind, sent.Channel, sent.Address));
        var record = Assert.Single(await harness.Log.ListAsync(confirmed.OrderId));
        var recipient = Assert.Single(await harness.Protection.OpenTextsAsync("cust-42", [record.Recipient]));
        Assert.Equal((NotificationChannel.Email, confirmed.Sequence, "a***@example.com"), (record.Channel, record.EventSequence, recipient));
    }

    [Fact]
    public async Task Handle_OnEachSubscription_SendsOnlyThatSubscriptionsChannel()
    {
        var harness = new NotificationHarness();
        var confirmed = await harness.ConfirmedOrderAsync();

        await harness.DeliverAsync(ReceivedMessages.For(confirmed), NotificationChannel.Email);
        await harness.DeliverAsync(ReceivedMessages.For(confirmed), NotificationChannel.Sms);

        Assert.Equal([NotificationChannel.Email, NotificationChannel.Sms], harness.Sender.Delivered.Select(sent => sent.Channel));
        Assert.Equal([NotificationChannel.Email, NotificationChannel.Sms], (await harness.Log.ListAsync(confirmed.OrderId)).Select(record => record.Channel));
        Assert.All(harness.Settlements.Settled, settled => Assert.Equal(SettlementAction.Complete, settled.Action));
    }

    [Fact]
    public async Task Handle_WhenTheSameEventIsDeliveredTwice_SendsOnceAndCompletesBoth()
    {
        var harness = new NotificationHarness();
        var confirmed = await harness.ConfirmedOrderAsync();

        await harness.DeliverAsync(ReceivedMessages.For(confirmed, deliveryCount: 1));
        await harness.DeliverAsync(ReceivedMessages.For(confirmed, deliveryCount: 1));

        Assert.Single(harness.Sender.Delivered);
        Assert.Single(await harness.Log.ListAsync(confirmed.OrderId));
        Assert.Equal(
            [new Settled(SettlementAction.Complete, confirmed.EventId), new Settled(SettlementAction.Complete, confirmed.EventId)],
            harness.Settlements.Settled);
    }

    [Fact]
    public async Task Handle_WhenTheProviderFails_AbandonsAndKeepsNoRecord()
    {
        var harness = new NotificationHarness(new RecordingNotificationSender(failures: 1));
        var confirmed = await harness.ConfirmedOrderAsync();

        var decision = await harness.DeliverAsync(ReceivedMessages.For(confirmed));

        Assert.Equal(SettlementAction.Abandon, decision.Action);
        Assert.Contains("The provider is down.", decision.Description, StringComparison.Ordinal);
        Assert.Equal([new Settled(SettlementAction.Abandon, confirmed.EventId)], harness.Settlements.Settled);
        Assert.Empty(harness.Sender.Delivered);
        Assert.Empty(await harness.Log.ListAsync(confirmed.OrderId));
    }

    public static TheoryData<string, Func<Exception>> ThrottlingFailures => new()
    {
        { "ServiceBusy", () => new ServiceBusException("The provider's queue is busy.", ServiceBusFailureReason.ServiceBusy) },
        { "ServiceTimeout", () => new ServiceBusException("Timed out.", ServiceBusFailureReason.ServiceTimeout) },
        { "IsTransient", () => new ServiceBusException(isTransient: true, "A transient failure.") },
        { "Timeout", () => new TimeoutException("The provider did not answer.") },
    };

    [Theory]
    [MemberData(nameof(ThrottlingFailures))]
    public async Task Handle_WhenThrottledOrTransient_Abandons(string failureName, Func<Exception> failure)
    {
        var harness = new NotificationHarness(new RecordingNotificationSender(failures: 1, failure));
        var confirmed = await harness.ConfirmedOrderAsync();

        var decision = await harness.DeliverAsync(ReceivedMessages.For(confirmed, deliveryCount: 2));

        Assert.True(decision.Action == SettlementAction.Abandon, $"{failureName}: {decision}");
        Assert.Equal([new Settled(SettlementAction.Abandon, confirmed.EventId)], harness.Settlements.Settled);
    }

    [Fact]
    public async Task Handle_WhenRedeliveredAfterAFailure_SendsOnceAndCompletes()
    {
        var harness = new NotificationHarness(new RecordingNotificationSender(failures: 1));
        var confirmed = await harness.ConfirmedOrderAsync();

        await harness.DeliverAsync(ReceivedMessages.For(confirmed, deliveryCount: 1));
        await harness.DeliverAsync(ReceivedMessages.For(confirmed, deliveryCount: 2));

        Assert.Equal([SettlementAction.Abandon, SettlementAction.Complete], harness.Settlements.Settled.Select(settled => settled.Action));
        Assert.Single(harness.Sender.Delivered);
        Assert.Single(await harness.Log.ListAsync(confirmed.OrderId));
    }

    [Fact]
    public async Task Handle_WhenTheProviderKeepsFailing_AbandonsUntilTheLastDeliveryThenDeadLettersAsPoison()
    {
        var harness = new NotificationHarness(new RecordingNotificationSender(RecordingNotificationSender.AlwaysFail));
        var confirmed = await harness.ConfirmedOrderAsync();

        for (var delivery = 1; delivery <= MaxDeliveryCount; delivery++)
            await harness.DeliverAsync(ReceivedMessages.For(confirmed, deliveryCount: delivery));

        var settled = harness.Settlements.Settled;
        Assert.Equal(Enumerable.Repeat(SettlementAction.Abandon, MaxDeliveryCount - 1), settled.SkipLast(1).Select(s => s.Action));
        var poison = settled[^1];
        Assert.Equal((SettlementAction.DeadLetter, DeadLetterReasons.PoisonMessage), (poison.Action, poison.Reason));
        Assert.Contains($"Delivery {MaxDeliveryCount} of {MaxDeliveryCount} failed", poison.Description, StringComparison.Ordinal);
        Assert.Contains("The provider is down.", poison.Description, StringComparison.Ordinal);
        Assert.Empty(await harness.Log.ListAsync(confirmed.OrderId));
    }

    public static TheoryData<string, string> MalformedBodies => new()
    {
        { "this is not JSON", DeadLetterReasons.MalformedJson },
        { """{"orderId":"order-1","sequence":2,"eventId":"e-1","occurredAt":"2025-01-01T09:00:00+00:00","data":{"fulfillment":"Pickup"}}""", DeadLetterReasons.MissingEventType },
        { """{"orderId":"order-1","sequence":2,"eventId":"e-1","occurredAt":"2025-01-01T09:00:00+00:00","data":{"$type":"OrderShipped"}}""", DeadLetterReasons.UnknownEventType },
        { """{"sequence":2,"eventId":"e-1","occurredAt":"2025-01-01T09:00:00+00:00","data":{"$type":"OrderConfirmed","fulfillment":"Pickup"}}""", DeadLetterReasons.InvalidEvent },
    };

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task Handle_WhenTheMessageIsMalformed_DeadLettersWithTheReasonAndSendsNothing(string body, string reason)
    {
        var harness = new NotificationHarness();
        var message = ReceivedMessages.WithBody(body);

        var decision = await harness.DeliverAsync(message);

        Assert.Equal(SettlementAction.DeadLetter, decision.Action);
        var settled = Assert.Single(harness.Settlements.Settled);
        Assert.Equal((SettlementAction.DeadLetter, message.MessageId, reason), (settled.Action, settled.MessageId, settled.Reason));
        Assert.False(string.IsNullOrWhiteSpace(settled.Description));
        Assert.Empty(harness.Sender.Delivered);
    }

    [Fact]
    public async Task Handle_WhenTheEventDoesNotNotifyTheCustomer_CompletesWithoutSending()
    {
        var harness = new NotificationHarness();
        var orderId = await harness.PlaceOrderAsync();
        var reserved = await harness.AppendAsync(orderId, new StockReserved("store-001"));

        await harness.DeliverAsync(ReceivedMessages.For(reserved));

        Assert.Equal([new Settled(SettlementAction.Complete, reserved.EventId)], harness.Settlements.Settled);
        Assert.Empty(harness.Sender.Delivered);
    }

    [Fact]
    public async Task Handle_WhenTheHostIsStopping_AbandonsEvenOnTheLastDelivery()
    {
        var harness = new NotificationHarness();
        var confirmed = await harness.ConfirmedOrderAsync();
        using var stopping = new CancellationTokenSource();
        await stopping.CancelAsync();

        var decision = await harness.DeliverAsync(ReceivedMessages.For(confirmed, deliveryCount: MaxDeliveryCount), cancellationToken: stopping.Token);

        Assert.Equal(SettlementAction.Abandon, decision.Action);
        Assert.Equal([new Settled(SettlementAction.Abandon, confirmed.EventId)], harness.Settlements.Settled);
        Assert.Empty(harness.Sender.Delivered);
    }

    [Fact]
    public async Task Handle_WhenAFailureIsRetried_WaitsTheBackoffOfItsDeliveryBeforeAbandoning()
    {
        var clock = new FakeTimeProvider(NotificationHarness.Epoch);
        var options = new ServiceBusOptions { RedeliveryDelay = TimeSpan.FromSeconds(1), MaxRedeliveryDelay = TimeSpan.FromSeconds(30) };
        var harness = new NotificationHarness(new RecordingNotificationSender(RecordingNotificationSender.AlwaysFail), clock, options);
        var confirmed = await harness.ConfirmedOrderAsync();

        // Third delivery: 1 s doubled twice.
        var handling = harness.DeliverAsync(ReceivedMessages.For(confirmed, deliveryCount: 3));
        clock.Advance(TimeSpan.FromSeconds(3.9));
        Assert.Empty(harness.Settlements.Settled);
        clock.Advance(TimeSpan.FromSeconds(0.1));
        await handling.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal([new Settled(SettlementAction.Abandon, confirmed.EventId)], harness.Settlements.Settled);
    }

    [Theory]
    [InlineData(1, 1.0)]
    [InlineData(2, 2.0)]
    [InlineData(3, 4.0)]
    [InlineData(4, 8.0)]
    [InlineData(5, 16.0)]
    [InlineData(6, 30.0)]
    [InlineData(9, 30.0)]
    public async Task Handle_WhenDeliveryFailsBeforeTheLast_WaitsTheDefaultBackoffDoublingFromOneSecondToThirtyBeforeAbandoning(int deliveryCount, double seconds)
    {
        var clock = new FakeTimeProvider(NotificationHarness.Epoch);
        var harness = new NotificationHarness(new RecordingNotificationSender(RecordingNotificationSender.AlwaysFail), clock, new ServiceBusOptions());
        var confirmed = await harness.ConfirmedOrderAsync();
        var backoff = TimeSpan.FromSeconds(seconds);

        var handling = harness.DeliverAsync(ReceivedMessages.For(confirmed, deliveryCount: deliveryCount));
        clock.Advance(backoff - TimeSpan.FromMilliseconds(1));
        Assert.Empty(harness.Settlements.Settled);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        await handling.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal([new Settled(SettlementAction.Abandon, confirmed.EventId)], harness.Settlements.Settled);
    }

    [Fact]
    public async Task Handle_FromASessionProcessor_SettlesThroughTheSessionReceiver()
    {
        var harness = new NotificationHarness();
        var confirmed = await harness.ConfirmedOrderAsync();
        var message = ReceivedMessages.For(confirmed);

        await harness.Handler.HandleAsync(message, NotificationChannel.Sms, harness.Settlements.ForSession(message));

        Assert.Equal([new Settled(SettlementAction.Complete, confirmed.EventId)], harness.Settlements.Settled);
        Assert.Equal(NotificationChannel.Sms, Assert.Single(harness.Sender.Delivered).Channel);
    }
}
