using AsyncCommerce.Adapters.AzureStorage.Orders;
using AsyncCommerce.Adapters.AzureStorage.Tests.Support;
using AsyncCommerce.Adapters.Behaviours.Orders;
using AsyncCommerce.Orders;

namespace AsyncCommerce.Adapters.AzureStorage.Tests.Orders;

/// <summary>The shared OrderViewStoreBehaviour suite against Azure Tables on Azurite.</summary>
public sealed class TableOrderViewStoreBehaviourTests(AzuriteTables tables) : OrderViewStoreBehaviour, IClassFixture<AzuriteTables>
{
    protected override Task<IOrderViewStore> CreatePortAsync() =>
        Task.FromResult<IOrderViewStore>(new TableOrderViewStore(tables.OrderViews, tables.PickupQueue, AzuriteTables.ConflictRetry));
}
