using AsyncCommerce.Adapters.Behaviours.Orders;
using AsyncCommerce.Adapters.InMemory.Orders;
using AsyncCommerce.Orders;

namespace AsyncCommerce.Adapters.InMemory.Tests.Orders;

public sealed class InMemoryOrderEventOutboxTests : OrderEventOutboxBehaviour
{
    protected override IOrderEventOutbox Outbox => (IOrderEventOutbox)Port;

    protected override Task<IOrderEventStore> CreatePortAsync() => Task.FromResult<IOrderEventStore>(new InMemoryOrderEventStore());
}
