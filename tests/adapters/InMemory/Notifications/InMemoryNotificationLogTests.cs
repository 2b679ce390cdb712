using AsyncCommerce.Adapters.Behaviours.Notifications;
using AsyncCommerce.Adapters.InMemory.Notifications;
using AsyncCommerce.Notifications;

namespace AsyncCommerce.Adapters.InMemory.Tests.Notifications;

public sealed class InMemoryNotificationLogTests : NotificationLogBehaviour
{
    protected override Task<INotificationLog> CreatePortAsync() => Task.FromResult<INotificationLog>(new InMemoryNotificationLog());
}
