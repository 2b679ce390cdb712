using AsyncCommerce.Notifications;
using AsyncCommerce.Orders;

namespace AsyncCommerce.LocalHost.Tests.Storage;

/// <summary>The message bus, which a test can take down for a while: every publish meanwhile throws.</summary>
internal sealed class OutageWindowPublisher(IOrderEventPublisher bus, TimeProvider clock) : IOrderEventPublisher
{
    private long _downUntilTicks;

    public DateTimeOffset DownUntil => new(Interlocked.Read(ref _downUntilTicks), TimeSpan.Zero);

    public bool IsDown => clock.GetUtcNow() < DownUntil;

    public void GoDownFor(TimeSpan outage) => Interlocked.Exchange(ref _downUntilTicks, (clock.GetUtcNow() + outage).UtcTicks);

    public Task PublishAsync(OrderEvent orderEvent, CancellationToken cancellationToken = default) =>
        IsDown ? throw new InvalidOperationException("The message bus is down (outage window).") : bus.PublishAsync(orderEvent, cancellationToken);
}
