using AsyncCommerce.Adapters.AzureStorage.Orders;
using AsyncCommerce.Adapters.AzureStorage.Tests.Support;
using AsyncCommerce.Adapters.Behaviours.Orders;
using AsyncCommerce.Orders;

namespace AsyncCommerce.Adapters.AzureStorage.Tests.Orders;

/// <summary>The shared OrderEventStoreBehaviour suite against Azure Tables on Azurite.</summary>
public sealed class TableOrderEventStoreBehaviourTests(AzuriteTables tables) : OrderEventStoreBehaviour, IClassFixture<AzuriteTables>
{
    protected override Task<IOrderEventStore> CreatePortAsync() =>
        Task.FromResult<IOrderEventStore>(new TableOrderEventStore(tables.OrderEvents, tables.Outbox, AzuriteTables.ConflictRetry));
}
