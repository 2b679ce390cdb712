using AsyncCommerce.Adapters.Behaviours.Privacy;
using AsyncCommerce.Adapters.Behaviours.Support;
using AsyncCommerce.Adapters.Cosmos.Privacy;
using AsyncCommerce.Adapters.Cosmos.Tests.Support;
using AsyncCommerce.Privacy;

namespace AsyncCommerce.Adapters.Cosmos.Tests.Privacy;

/// <summary>The shared CustomerKeyStoreBehaviour suite against Cosmos DB (COSMOS_CONNECTION); reported skipped without an account.</summary>
[Collection(UsesCosmosDatabase.Name)]
[RequiresEnvironmentVariable(CosmosTestAccount.Variable, Reason = CosmosTestAccount.SkipReason)]
public sealed class CosmosCustomerKeyStoreBehaviourTests(CosmosDatabaseFixture database) : CustomerKeyStoreBehaviour
{
    protected override Task<ICustomerKeyStore> CreatePortAsync() => Task.FromResult<ICustomerKeyStore>(new CosmosCustomerKeyStore(database.Containers.CustomerKeys));
}
