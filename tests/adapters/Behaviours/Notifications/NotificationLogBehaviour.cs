using AsyncCommerce.Adapters.Behaviours.Support;
using AsyncCommerce.Notifications;

namespace AsyncCommerce.Adapters.Behaviours.Notifications;

/// <summary>What every <see cref="INotificationLog"/> does, whatever keeps the timeline.</summary>
public abstract class NotificationLogBehaviour : PortBehaviour<INotificationLog>
{
    private readonly string _orderId = NewId("order");

    [BehaviourFact]
    public async Task TryAdd_NewRecord_AddsIt()
    {
        var record = Record(3, NotificationChannel.Email);

        Assert.True(await Port.TryAddAsync(record));
        Assert.Equal([record], await Port.ListAsync(_orderId));
    }

    [BehaviourFact]
    public async Task TryAdd_SameOrderSequenceAndChannel_RefusesAndKeepsTheFirst()
    {
        var first = Record(3, NotificationChannel.Email);
        await Port.TryAddAsync(first);

        var added = await Port.TryAddAsync(first with { SentAt = first.SentAt.AddMinutes(1) });

        Assert.False(added);
        Assert.Equal([first], await Port.ListAsync(_orderId));
    }

    [BehaviourFact]
    public async Task TryAdd_SameEventOnAnotherChannel_AddsIt()
    {
        await Port.TryAddAsync(Record(3, NotificationChannel.Email));

        Assert.True(await Port.TryAddAsync(Record(3, NotificationChannel.Sms)));
    }

    [BehaviourFact]
    public async Task TryAdd_SameSequenceAndChannelForAnotherOrder_AddsIt()
    {
        await Port.TryAddAsync(Record(3, NotificationChannel.Email));

        Assert.True(await Port.TryAddAsync(Record(3, NotificationChannel.Email) with { OrderId = NewId("order") }));
    }

    [BehaviourFact]
    public async Task TryAdd_SameRecordConcurrently_AddsItOnce()
    {
        var record = Record(3, NotificationChannel.Sms);

        var outcomes = await RaceAsync(40, _ => Port.TryAddAsync(record));

        Assert.Single(outcomes, added => added);
        Assert.Single(await Port.ListAsync(_orderId));
    }

    [BehaviourFact]
    public async Task List_ReturnsRecordsBySequenceThenChannel()
    {
        var late = Record(7, NotificationChannel.Email);
        var earlySms = Record(2, NotificationChannel.Sms);
        var earlyEmail = Record(2, NotificationChannel.Email);
        await Port.TryAddAsync(late);
        await Port.TryAddAsync(earlySms);
        await Port.TryAddAsync(earlyEmail);

        Assert.Equal([earlyEmail, earlySms, late], await Port.ListAsync(_orderId));
    }

    [BehaviourFact]
    public async Task List_UnknownOrder_ReturnsEmpty()
    {
        Assert.Empty(await Port.ListAsync(NewId("order")));
    }

    private NotificationRecord Record(int eventSequence, NotificationChannel channel) => new(
        _orderId,
        NotificationKind.OrderConfirmed,
        channel,
        channel == NotificationChannel.Email ? "a***@example.com" : "+1*******567",
        eventSequence,
        OrderFacts.Epoch);
}
