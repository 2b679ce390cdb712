using AsyncCommerce.Adapters.AzureStorage.Inventory;
using AsyncCommerce.Adapters.AzureStorage.Tests.Support;
using AsyncCommerce.Adapters.Behaviours.Inventory;
using AsyncCommerce.Inventory;

namespace AsyncCommerce.Adapters.AzureStorage.Tests.Inventory;

/// <summary>The shared InventoryStoreBehaviour suite against Azure Tables on Azurite.</summary>
public sealed class TableInventoryStoreBehaviourTests(AzuriteTable table) : InventoryStoreBehaviour, IClassFixture<AzuriteTable>
{
    protected override Task<IInventoryStore> CreatePortAsync() => Task.FromResult<IInventoryStore>(new TableInventoryStore(table.Table, AzuriteTables.ConflictRetry));
}
