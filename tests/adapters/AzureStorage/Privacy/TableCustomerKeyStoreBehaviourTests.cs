using AsyncCommerce.Adapters.AzureStorage.Privacy;
using AsyncCommerce.Adapters.AzureStorage.Tests.Support;
using AsyncCommerce.Adapters.Behaviours.Privacy;
using AsyncCommerce.Privacy;

namespace AsyncCommerce.Adapters.AzureStorage.Tests.Privacy;

/// <summary>The shared CustomerKeyStoreBehaviour suite against Azure Tables on Azurite.</summary>
public sealed class TableCustomerKeyStoreBehaviourTests(AzuriteTables tables) : CustomerKeyStoreBehaviour, IClassFixture<AzuriteTables>
{
    protected override Task<ICustomerKeyStore> CreatePortAsync() =>
        Task.FromResult<ICustomerKeyStore>(new TableCustomerKeyStore(tables.CustomerKeys));
}
