using AsyncCommerce.Adapters.Behaviours.Notifications;
using AsyncCommerce.Adapters.Cosmos.Notifications;
using AsyncCommerce.Adapters.Cosmos.Tests.Support;
using AsyncCommerce.Notifications;

namespace AsyncCommerce.Adapters.Cosmos.Tests.Notifications;

/// <summary>
/// The shared NotificationLogBehaviour suite against the Cosmos adapter over a Moq container that enforces ETags, 409s and 412s like the
/// service: the adapter's concurrency protocol under real races, without a Cosmos DB.
/// </summary>
public sealed class CosmosNotificationLogOnMockedContainerTests : NotificationLogBehaviour
{
    protected override Task<INotificationLog> CreatePortAsync() => Task.FromResult<INotificationLog>(new CosmosNotificationLog(MockedContainerQueries.ForNotifications().Object));
}
