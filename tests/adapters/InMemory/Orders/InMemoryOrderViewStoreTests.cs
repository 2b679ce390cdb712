using AsyncCommerce.Adapters.Behaviours.Orders;
using AsyncCommerce.Adapters.InMemory.Orders;
using AsyncCommerce.Orders;

namespace AsyncCommerce.Adapters.InMemory.Tests.Orders;

public sealed class InMemoryOrderViewStoreTests : OrderViewStoreBehaviour
{
    protected override Task<IOrderViewStore> CreatePortAsync() => Task.FromResult<IOrderViewStore>(new InMemoryOrderViewStore());
}
