using AsyncCommerce.Adapters.Behaviours.Privacy;
using AsyncCommerce.Adapters.Cosmos.Privacy;
using AsyncCommerce.Adapters.Cosmos.Tests.Support;
using AsyncCommerce.Privacy;

namespace AsyncCommerce.Adapters.Cosmos.Tests.Privacy;

/// <summary>
/// The shared CustomerKeyStoreBehaviour suite against the Cosmos adapter over a Moq container that answers 404s and
/// 409s like the service: the create-or-read protocol under real races, without a Cosmos DB.
/// </summary>
public sealed class CosmosCustomerKeyStoreOnMockedContainerTests : CustomerKeyStoreBehaviour
{
    protected override Task<ICustomerKeyStore> CreatePortAsync() =>
        Task.FromResult<ICustomerKeyStore>(new CosmosCustomerKeyStore(MockedContainerQueries.ForCustomerKeys().Object));
}
