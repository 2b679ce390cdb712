using AsyncCommerce.Notifications;
using AsyncCommerce.Orders;

namespace AsyncCommerce.LocalHost.Tests.Storage;

/// <summary>The message bus, down from its creation until <see cref="Until"/>: every publish meanwhile throws.</summary>
internal sealed class OutageWindowPublisher(IOrderEventPublisher bus, TimeProvider clock, TimeSpan outage) : IOrderEventPublisher
{
    public DateTimeOffset Until { get; } = clock.GetUtcNow() + outage;

    public bool IsDown => clock.GetUtcNow() < Until;

    public Task PublishAsync(OrderEvent orderEvent, CancellationToken cancellationToken = default) =>
        IsDown ? throw new InvalidOperationException("The message bus is down (outage window).") : bus.PublishAsync(orderEvent, cancellationToken);
}
