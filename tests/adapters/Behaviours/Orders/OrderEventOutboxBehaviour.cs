using AsyncCommerce.Adapters.Behaviours.Support;
using AsyncCommerce.Orders;

namespace AsyncCommerce.Adapters.Behaviours.Orders;

/// <summary>
/// What every <see cref="IOrderEventOutbox"/> does. The outbox is a view of an event store's streams, so the suite
/// appends through <see cref="PortBehaviour{TPort}.Port"/> and lists and marks through <see cref="Outbox"/>, which
/// must see the same streams. Other tests may leave pending streams in a shared store: each test only looks at its own.
/// </summary>
public abstract class OrderEventOutboxBehaviour : PortBehaviour<IOrderEventStore>
{
    /// <summary>More than the pending streams a test class leaves behind, so that a test's own stream is always listed.</summary>
    private const int Everything = 1_000;

    private readonly string _orderId = NewId("order");

    /// <summary>The outbox of the streams <see cref="PortBehaviour{TPort}.Port"/> appends to.</summary>
    protected abstract IOrderEventOutbox Outbox { get; }

    [BehaviourFact]
    public async Task ListPending_NewlyAppendedStream_IsPendingWithMarkZero()
    {
        await AppendAsync(_orderId, 2);

        Assert.Equal(new PendingStream(_orderId, 0), await PendingOfAsync(_orderId));
    }

    [BehaviourFact]
    public async Task ListPending_UnknownOrder_IsNotListed()
    {
        await AppendAsync(_orderId, 1);

        Assert.Null(await PendingOfAsync(NewId("order")));
    }

    [BehaviourFact]
    public async Task ListPending_WithAMax_ReturnsAtMostThatManyStreams()
    {
        foreach (var orderId in new[] { NewId("order"), NewId("order"), NewId("order") })
            await AppendAsync(orderId, 1);

        var pending = await Outbox.ListPendingAsync(max: 2);

        Assert.Equal(2, pending.Count);
    }

    [BehaviourFact]
    public async Task MarkPublished_UpToTheLastSequence_RemovesTheStreamFromTheList()
    {
        await AppendAsync(_orderId, 2);

        await Outbox.MarkPublishedAsync(_orderId, 2);

        Assert.Null(await PendingOfAsync(_orderId));
    }

    [BehaviourFact]
    public async Task MarkPublished_BelowTheLastSequence_KeepsItPendingWithTheNewMark()
    {
        await AppendAsync(_orderId, 3);

        await Outbox.MarkPublishedAsync(_orderId, 2);

        Assert.Equal(new PendingStream(_orderId, 2), await PendingOfAsync(_orderId));
    }

    [BehaviourFact]
    public async Task MarkPublished_BelowTheCurrentMark_NeverMovesItDown()
    {
        await AppendAsync(_orderId, 3);
        await Outbox.MarkPublishedAsync(_orderId, 2);

        await Outbox.MarkPublishedAsync(_orderId, 1);

        Assert.Equal(new PendingStream(_orderId, 2), await PendingOfAsync(_orderId));
    }

    [BehaviourFact]
    public async Task ReadUnpublished_ReturnsTheEventsAfterTheMarkInOrder()
    {
        await AppendAsync(_orderId, 3);
        await Outbox.MarkPublishedAsync(_orderId, 1);

        var unpublished = await Outbox.ReadUnpublishedAsync(_orderId, publishedSequence: 1);

        Assert.Equal([2, 3], unpublished.Select(e => e.Sequence));
    }

    [BehaviourFact]
    public async Task ReadUnpublished_ManyEventsAfterTheMark_ReturnsThemAllInOrder()
    {
        await AppendAsync(_orderId, 8);

        var unpublished = await Outbox.ReadUnpublishedAsync(_orderId, publishedSequence: 0);

        Assert.Equal(Enumerable.Range(1, 8), unpublished.Select(e => e.Sequence));
    }

    [BehaviourFact]
    public async Task ReadUnpublished_CaughtUpStream_ReturnsNothing()
    {
        await AppendAsync(_orderId, 2);
        await Outbox.MarkPublishedAsync(_orderId, 2);

        Assert.Empty(await Outbox.ReadUnpublishedAsync(_orderId, publishedSequence: 2));
    }

    [BehaviourFact]
    public async Task Append_AfterTheStreamWasCaughtUp_MakesItPendingAgainWithTheMarkKept()
    {
        await AppendAsync(_orderId, 2);
        await Outbox.MarkPublishedAsync(_orderId, 2);

        await Port.AppendAsync(_orderId, "evt-3", OrderFacts.Epoch, new OrderConfirmed(FulfillmentType.Pickup));

        Assert.Equal(new PendingStream(_orderId, 2), await PendingOfAsync(_orderId));
    }

    [BehaviourFact]
    public async Task Append_SameEventIdAgainOnACaughtUpStream_DoesNotMakeItPending()
    {
        await AppendAsync(_orderId, 2);
        await Outbox.MarkPublishedAsync(_orderId, 2);

        await Port.AppendAsync(_orderId, "evt-2", OrderFacts.Epoch, new StockReserved("store-001"));

        Assert.Null(await PendingOfAsync(_orderId));
    }

    [BehaviourFact]
    public async Task MarkPublished_RacingWithAppends_NeverLeavesUnpublishedEventsUnlisted()
    {
        const int orders = 8;
        const int rounds = 12;

        // Each round races an append with a mark up to the stream's end as it was before the append (every other
        // round on a stream caught up beforehand, so the mark changes nothing): whichever wins, one event stays
        // unpublished, and the stream must be listed with the mark.
        await RaceAsync(orders, async _ =>
        {
            var orderId = NewId("order");
            await AppendAsync(orderId, 1);
            for (var last = 1; last <= rounds; last++)
            {
                if (last % 2 == 0)
                    await Outbox.MarkPublishedAsync(orderId, last);
                var published = last;
                await Task.WhenAll(
                    Task.Run(() => Port.AppendAsync(orderId, $"evt-{published + 1}", OrderFacts.Epoch, new PaymentMethodAdded(published, "card"))),
                    Task.Run(() => Outbox.MarkPublishedAsync(orderId, published)));

                Assert.Equal(new PendingStream(orderId, last), await PendingOfAsync(orderId));
            }

            return orderId;
        });
    }

    /// <summary>
    /// The stream's entry in the list, or null when it is not listed; a stream is never listed twice. Public so that an
    /// adapter's own tests look at one stream the same way.
    /// </summary>
    public static async Task<PendingStream?> PendingOfAsync(IOrderEventOutbox outbox, string orderId)
    {
        ArgumentNullException.ThrowIfNull(outbox);
        var listed = (await outbox.ListPendingAsync(Everything)).Where(stream => stream.OrderId == orderId).ToList();
        Assert.True(listed.Count <= 1, $"Order {orderId} is listed {listed.Count} times.");
        return listed.SingleOrDefault();
    }

    private Task<PendingStream?> PendingOfAsync(string orderId) => PendingOfAsync(Outbox, orderId);

    private async Task AppendAsync(string orderId, int count)
    {
        await Port.AppendAsync(orderId, "evt-1", OrderFacts.Epoch, OrderFacts.Placed());
        for (var sequence = 2; sequence <= count; sequence++)
            await Port.AppendAsync(orderId, $"evt-{sequence}", OrderFacts.Epoch, new StockReserved("store-001"));
    }
}
