using AsyncCommerce.Adapters.Behaviours.Notifications;
using AsyncCommerce.Adapters.Behaviours.Support;
using AsyncCommerce.Adapters.Cosmos.Notifications;
using AsyncCommerce.Adapters.Cosmos.Tests.Support;
using AsyncCommerce.Notifications;

namespace AsyncCommerce.Adapters.Cosmos.Tests.Notifications;

/// <summary>The shared NotificationLogBehaviour suite against Cosmos DB (COSMOS_CONNECTION); reported skipped without an account.</summary>
[Collection(UsesCosmosDatabase.Name)]
[RequiresEnvironmentVariable(CosmosTestAccount.Variable, Reason = CosmosTestAccount.SkipReason)]
public sealed class CosmosNotificationLogBehaviourTests(CosmosDatabaseFixture database) : NotificationLogBehaviour
{
    protected override Task<INotificationLog> CreatePortAsync() => Task.FromResult<INotificationLog>(new CosmosNotificationLog(database.Containers.Notifications));
}
