using AsyncCommerce.Adapters.AzureStorage.Orders;
using AsyncCommerce.Adapters.AzureStorage.Tests.Support;
using AsyncCommerce.Adapters.Behaviours.Orders;
using AsyncCommerce.Orders;

namespace AsyncCommerce.Adapters.AzureStorage.Tests.Orders;

/// <summary>The shared OrderEventOutboxBehaviour suite against Azure Tables on Azurite.</summary>
public sealed class TableOrderEventOutboxBehaviourTests(AzuriteTables tables) : OrderEventOutboxBehaviour, IClassFixture<AzuriteTables>
{
    private readonly TableOrderEventStore _store = new(tables.OrderEvents, tables.Outbox, AzuriteTables.ConflictRetry);

    protected override IOrderEventOutbox Outbox => _store;

    protected override Task<IOrderEventStore> CreatePortAsync() => Task.FromResult<IOrderEventStore>(_store);
}
