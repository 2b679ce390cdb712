using AsyncCommerce.Adapters.InMemory.Orders;
using AsyncCommerce.Orders;
using AsyncCommerce.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using static AsyncCommerce.Orchestrations.Tests.OrderEventsBuilder;

namespace AsyncCommerce.Orchestrations.Tests.Orders;

public sealed class OrderEventDispatcherTests : IDisposable
{
    private readonly InMemoryOrderEventStore _events = new();
    private readonly RecordingOrderEventPublisher _bus = new();
    private readonly OutboxSignal _signal = new();
    private readonly OrderEventDispatcher _dispatcher;

    public OrderEventDispatcherTests()
    {
        var options = Options.Create(new OutboxOptions { PollInterval = TimeSpan.FromMinutes(1), RetryDelay = TimeSpan.FromMilliseconds(10), MaxRetryDelay = TimeSpan.FromMilliseconds(20) });
        _dispatcher = new OrderEventDispatcher(_events, _bus, _signal, options, TimeProvider.System, NullLogger<OrderEventDispatcher>.Instance);
    }

    public void Dispose() => _dispatcher.Dispose();

    [Fact]
    public async Task Dispatch_PendingStream_PublishesItsEventsInOrderAndMarksThemPublished()
    {
        var stream = PickupOrder().ThenAuthorized();
        await stream.AppendToAsync(_events);

        var round = await _dispatcher.DispatchAsync(CancellationToken.None);

        Assert.Equal(new DispatchRound(1, Failed: false, Full: false), round);
        Assert.Equal(stream.Events, _bus.Published);
        Assert.Empty(await _events.ListPendingAsync(10));
    }

    [Fact]
    public async Task Dispatch_EventsAppendedAfterAPublish_PublishesOnlyTheNewOnes()
    {
        var stream = PickupOrder();
        await stream.AppendToAsync(_events);
        await _dispatcher.DispatchAsync(CancellationToken.None);

        var confirmed = await _events.AppendAsync(OrderId, "confirmed", PlacedAt, new OrderConfirmed(FulfillmentType.Pickup));
        await _dispatcher.DispatchAsync(CancellationToken.None);

        Assert.Equal([.. stream.Events, confirmed], _bus.Published);
    }

    [Fact]
    public async Task Dispatch_BusDown_KeepsTheEventsInTheOutboxAndReportsTheFailure()
    {
        await PickupOrder().AppendToAsync(_events);
        _bus.FailNext(1);

        var round = await _dispatcher.DispatchAsync(CancellationToken.None);

        Assert.True(round.Failed);
        Assert.Empty(_bus.Published);
        Assert.Equal([new PendingStream(OrderId, 0)], await _events.ListPendingAsync(10));
    }

    [Fact]
    public async Task Dispatch_AfterTheBusRecovers_PublishesWhatWaitedFromWhereItStopped()
    {
        var stream = PickupOrder().ThenAuthorized();
        await stream.AppendToAsync(_events);
        _bus.FailNext(1);
        await _dispatcher.DispatchAsync(CancellationToken.None);

        await _dispatcher.DispatchAsync(CancellationToken.None);

        Assert.Equal(stream.Events, _bus.Published);
        Assert.Empty(await _events.ListPendingAsync(10));
    }

    [Fact]
    public async Task Dispatch_StreamPartlyPublished_PublishesFromItsMarkOnly()
    {
        var stream = PickupOrder().ThenAuthorized();
        await stream.AppendToAsync(_events);
        await _events.MarkPublishedAsync(OrderId, 1);

        await _dispatcher.DispatchAsync(CancellationToken.None);

        Assert.Equal(stream.Events.Skip(1), _bus.Published);
    }

    [Fact]
    public async Task Run_EventRecordedInThisProcess_IsPublishedWithoutWaitingForThePollInterval()
    {
        await _dispatcher.StartAsync(CancellationToken.None);
        try
        {
            var recorder = new OrderEventRecorder(_events, new InMemoryOrderViewStore(), _signal, new OrderViewChanges(), NullLogger<OrderEventRecorder>.Instance);
            var placed = await recorder.RecordAsync(OrderId, "placed", PlacedAt, Placed(PickupAt(StoreId)));

            // The poll interval is a minute: only the recorder's nudge can publish within the deadline.
            await Eventually.UntilAsync(() => Task.FromResult(_bus.Published), published => published.Contains(placed), "the recorded event to be published");
        }
        finally
        {
            await _dispatcher.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task Run_BusDownThenUp_PublishesEverythingOnceItRecovers()
    {
        var stream = PickupOrder().ThenAuthorized();
        await stream.AppendToAsync(_events);
        _bus.FailNext(5);

        await _dispatcher.StartAsync(CancellationToken.None);
        try
        {
            await Eventually.UntilAsync(() => _events.ListPendingAsync(10), pending => pending.Count == 0, "the outbox to drain after the bus recovered");
        }
        finally
        {
            await _dispatcher.StopAsync(CancellationToken.None);
        }

        Assert.Equal(stream.Events, _bus.Published);
    }
}
