using AsyncCommerce.Adapters.InMemory.Notifications;
using AsyncCommerce.Adapters.InMemory.Orders;
using AsyncCommerce.Adapters.Simulated.Notifications;
using AsyncCommerce.Notifications;
using AsyncCommerce.Orders;
using AsyncCommerce.Privacy;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using static AsyncCommerce.Orchestrations.Tests.OrderEventsBuilder;

namespace AsyncCommerce.Orchestrations.Tests.Notifications;

public sealed class NotificationConsumerTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 12, 30, 0, TimeSpan.Zero);
    private static readonly string ConfirmedText = NotificationPlan.TextFor(OrderId, new OrderConfirmed(FulfillmentType.Pickup));

    private readonly InMemoryOrderEventStore _events = new();
    private readonly InMemoryNotificationLog _log = new();
    private readonly SimulatedNotificationSender _sender = new(NullLogger<SimulatedNotificationSender>.Instance);

    [Fact]
    public async Task HandleAsync_ContactWithEmailAndPhone_RecordsOneMaskedEntryPerChannel()
    {
        var confirmed = await ConfirmedOrderAsync(FullContact());

        await Consumer().HandleAsync(confirmed);

        Assert.Equal(
            [
                new NotificationRecord(OrderId, NotificationKind.OrderConfirmed, NotificationChannel.Email, "a***@example.com", confirmed.Sequence, Now),
                new NotificationRecord(OrderId, NotificationKind.OrderConfirmed, NotificationChannel.Sms, "+1*******567", confirmed.Sequence, Now),
            ],
            await OpenedLogAsync());
    }

    [Fact]
    public async Task HandleAsync_Recorded_KeepsTheMaskedRecipientSealedUnderTheCustomersKey()
    {
        var confirmed = await ConfirmedOrderAsync(FullContact());

        await Consumer().HandleAsync(confirmed);

        Assert.All(await _log.ListAsync(OrderId), record =>
        {
            Assert.True(SealedText.TryParse(record.Recipient, out _, out _), $"stored in the clear: {record.Recipient}");
            Assert.DoesNotContain("example.com", record.Recipient, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task HandleAsync_ContactWithEmailAndPhone_SendsThePlannedTextToEachFullAddress()
    {
        var confirmed = await ConfirmedOrderAsync(FullContact());

        await Consumer().HandleAsync(confirmed);

        Assert.Equal(
            [
                new NotificationMessage(OrderId, NotificationKind.OrderConfirmed, NotificationChannel.Email, Email, ConfirmedText),
                new NotificationMessage(OrderId, NotificationKind.OrderConfirmed, NotificationChannel.Sms, Phone, ConfirmedText),
            ],
            _sender.Sent);
    }

    [Fact]
    public async Task HandleAsync_EmailOnlyContact_SendsByEmailOnly()
    {
        var confirmed = await ConfirmedOrderAsync(new Contact(Email, null));

        await Consumer().HandleAsync(confirmed);

        Assert.Equal([NotificationChannel.Email], (await _log.ListAsync(OrderId)).Select(r => r.Channel));
        Assert.Equal([Email], _sender.Sent.Select(m => m.Address));
    }

    [Fact]
    public async Task HandleAsync_PhoneOnlyContact_SendsBySmsOnly()
    {
        var confirmed = await ConfirmedOrderAsync(new Contact(null, Phone));

        await Consumer().HandleAsync(confirmed);

        Assert.Equal([NotificationChannel.Sms], (await _log.ListAsync(OrderId)).Select(r => r.Channel));
        Assert.Equal([Phone], _sender.Sent.Select(m => m.Address));
    }

    [Fact]
    public async Task HandleAsync_ContactWithoutEmailOrPhone_SendsNothing()
    {
        var confirmed = await ConfirmedOrderAsync(new Contact(null, " "));

        await Consumer().HandleAsync(confirmed);

        Assert.Empty(_sender.Sent);
        Assert.Empty(await _log.ListAsync(OrderId));
    }

    [Fact]
    public async Task HandleAsync_EventOfAnOrderWithoutStream_SendsNothing()
    {
        var orphan = new OrderEvent("order-unknown", 5, "order-unknown-event-5", Now, new OrderConfirmed(FulfillmentType.Pickup));

        await Consumer().HandleAsync(orphan);

        Assert.Empty(_sender.Sent);
        Assert.Empty(await _log.ListAsync("order-unknown"));
    }

    [Fact]
    public async Task HandleAsync_NonNotifyingEvent_SendsNothing()
    {
        var stream = PickupOrder().Then(new StockReserved(StoreId));
        await stream.AppendToAsync(_events);

        await Consumer().HandleAsync(stream.Last);

        Assert.Empty(_sender.Sent);
        Assert.Empty(await _log.ListAsync(OrderId));
    }

    [Fact]
    public async Task HandleAsync_SameEventDeliveredTwice_SendsOncePerChannel()
    {
        var confirmed = await ConfirmedOrderAsync(FullContact());
        var consumer = Consumer();

        await consumer.HandleAsync(confirmed);
        await consumer.HandleAsync(confirmed);

        Assert.Equal([NotificationChannel.Email, NotificationChannel.Sms], _sender.Sent.Select(m => m.Channel));
        Assert.Equal(2, (await _log.ListAsync(OrderId)).Count);
    }

    [Fact]
    public async Task HandleAsync_TwoNotifyingEvents_RecordsEachAgainstItsOwnEvent()
    {
        var stream = PickupOrder(new Contact(Email, null))
            .ThenAuthorized()
            .Then(new OrderConfirmed(FulfillmentType.Pickup))
            .Then(new ReadyForPickup(StoreId, "042917", ReadyAt, ExpiresAt));
        await stream.AppendToAsync(_events);
        var consumer = Consumer();

        await consumer.HandleAsync(stream.Events[^2]);
        await consumer.HandleAsync(stream.Events[^1]);

        Assert.Equal(
            [(NotificationKind.OrderConfirmed, 5), (NotificationKind.ReadyForPickup, 6)],
            (await _log.ListAsync(OrderId)).Select(r => (r.Kind, r.EventSequence)));
    }

    [Fact]
    public async Task HandleAsync_SenderFails_ThrowsAndKeepsNoRecordOfTheFailedSend()
    {
        var confirmed = await ConfirmedOrderAsync(new Contact(Email, null));

        await Assert.ThrowsAsync<InvalidOperationException>(() => Consumer(new FlakyNotificationSender(NotificationChannel.Email)).HandleAsync(confirmed));

        Assert.Empty(await _log.ListAsync(OrderId));
    }

    [Fact]
    public async Task HandleAsync_RedeliveryAfterSenderFailed_SendsOncePerChannel()
    {
        var confirmed = await ConfirmedOrderAsync(FullContact());
        var sender = new FlakyNotificationSender(NotificationChannel.Email);
        var consumer = Consumer(sender);
        await Assert.ThrowsAsync<InvalidOperationException>(() => consumer.HandleAsync(confirmed));

        await consumer.HandleAsync(confirmed);

        Assert.Equal([NotificationChannel.Email, NotificationChannel.Sms], sender.Delivered.Select(m => m.Channel));
        Assert.Equal([NotificationChannel.Email, NotificationChannel.Sms], (await _log.ListAsync(OrderId)).Select(r => r.Channel));
    }

    [Fact]
    public async Task HandleAsync_RedeliveryAfterSmsFailed_DoesNotResendTheEmail()
    {
        var confirmed = await ConfirmedOrderAsync(FullContact());
        var sender = new FlakyNotificationSender(NotificationChannel.Sms);
        var consumer = Consumer(sender);
        await Assert.ThrowsAsync<InvalidOperationException>(() => consumer.HandleAsync(confirmed));

        await consumer.HandleAsync(confirmed);

        Assert.Equal([NotificationChannel.Email, NotificationChannel.Sms], sender.Delivered.Select(m => m.Channel));
    }

    [Fact]
    public async Task HandleAsync_RecordingFailsAfterTheSend_RedeliverySendsAgainAndRecordsOnce()
    {
        // At least once: a send whose record was lost (a crash right after it) is repeated, never skipped.
        var confirmed = await ConfirmedOrderAsync(new Contact(Email, null));
        var consumer = new NotificationConsumer(_events, new FirstAddFailsLog(_log), _sender, Protection, new FakeTimeProvider(Now), NullLogger<NotificationConsumer>.Instance);
        await Assert.ThrowsAsync<InvalidOperationException>(() => consumer.HandleAsync(confirmed));

        await consumer.HandleAsync(confirmed);

        Assert.Equal(2, _sender.Sent.Count);
        Assert.Single(await _log.ListAsync(OrderId));
    }

    private sealed class FirstAddFailsLog(INotificationLog inner) : INotificationLog
    {
        private int _adds;

        public Task<bool> TryAddAsync(NotificationRecord record, CancellationToken cancellationToken = default) =>
            Interlocked.Increment(ref _adds) == 1
                ? throw new InvalidOperationException("Notification log unavailable.")
                : inner.TryAddAsync(record, cancellationToken);

        public Task<IReadOnlyList<NotificationRecord>> ListAsync(string orderId, CancellationToken cancellationToken = default) => inner.ListAsync(orderId, cancellationToken);
    }

    [Fact]
    public async Task HandleAsync_OnlyOneChannel_SendsOnThatChannelOnly()
    {
        var confirmed = await ConfirmedOrderAsync(FullContact());

        await Consumer().HandleAsync(confirmed, NotificationChannel.Sms);

        Assert.Equal([NotificationChannel.Sms], _sender.Sent.Select(m => m.Channel));
        Assert.Equal([NotificationChannel.Sms], (await _log.ListAsync(OrderId)).Select(r => r.Channel));
    }

    [Fact]
    public async Task HandleAsync_OneChannelTheContactDidNotGive_SendsNothing()
    {
        var confirmed = await ConfirmedOrderAsync(new Contact(Email, null));

        await Consumer().HandleAsync(confirmed, NotificationChannel.Sms);

        Assert.Empty(_sender.Sent);
    }

    [Fact]
    public async Task HandleAsync_PerChannelSubscriptionsAndAFullRedelivery_SendOncePerChannel()
    {
        var confirmed = await ConfirmedOrderAsync(FullContact());
        var consumer = Consumer();

        await consumer.HandleAsync(confirmed, NotificationChannel.Email);
        await consumer.HandleAsync(confirmed, NotificationChannel.Sms);
        await consumer.HandleAsync(confirmed);

        Assert.Equal([NotificationChannel.Email, NotificationChannel.Sms], _sender.Sent.Select(m => m.Channel));
    }

    [Fact]
    public async Task HandleAsync_CustomerErased_SendsAndRecordsNothing()
    {
        var customerId = $"cust-{Guid.NewGuid():N}";
        var stream = PickupOrder(FullContact(), customerId: customerId).ThenAuthorized().Then(new OrderConfirmed(FulfillmentType.Pickup));
        await stream.AppendToAsync(_events);
        await CustomerKeys.DestroyAsync(customerId);

        await Consumer().HandleAsync(stream.Last);

        Assert.Empty(_sender.Sent);
        Assert.Empty(await _log.ListAsync(OrderId));
    }

    [Fact]
    public async Task HandleAsync_CustomerErasedThenBackWithANewKey_StillSendsNothingForTheOldOrder()
    {
        var customerId = $"cust-{Guid.NewGuid():N}";
        var stream = PickupOrder(FullContact(), customerId: customerId).ThenAuthorized().Then(new OrderConfirmed(FulfillmentType.Pickup));
        await stream.AppendToAsync(_events);
        await CustomerKeys.DestroyAsync(customerId);
        await CustomerKeys.GetOrCreateAsync(customerId);

        await Consumer().HandleAsync(stream.Last);

        Assert.Empty(_sender.Sent);
    }

    /// <summary>The log with each recipient opened, as the timeline route shows it.</summary>
    private async Task<IReadOnlyList<NotificationRecord>> OpenedLogAsync()
    {
        var records = await _log.ListAsync(OrderId);
        var recipients = await Protection.OpenTextsAsync(CustomerId, [.. records.Select(r => r.Recipient)]);
        return [.. records.Select((record, i) => record with { Recipient = recipients[i]! })];
    }

    private NotificationConsumer Consumer(INotificationSender? sender = null) =>
        new(_events, _log, sender ?? _sender, Protection, new FakeTimeProvider(Now), NullLogger<NotificationConsumer>.Instance);

    /// <summary>Writes a paid pickup order for <paramref name="contact"/> up to its confirmation; returns the confirmation.</summary>
    private async Task<OrderEvent> ConfirmedOrderAsync(Contact contact)
    {
        var stream = PickupOrder(contact).ThenAuthorized().Then(new OrderConfirmed(FulfillmentType.Pickup));
        await stream.AppendToAsync(_events);
        return stream.Last;
    }
}
