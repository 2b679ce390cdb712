using AsyncCommerce.Adapters.AzureStorage.Notifications;
using AsyncCommerce.Adapters.AzureStorage.Tests.Support;
using AsyncCommerce.Adapters.Behaviours.Notifications;
using AsyncCommerce.Notifications;

namespace AsyncCommerce.Adapters.AzureStorage.Tests.Notifications;

/// <summary>The shared NotificationLogBehaviour suite against Azure Tables on Azurite.</summary>
public sealed class TableNotificationLogBehaviourTests(AzuriteTables tables) : NotificationLogBehaviour, IClassFixture<AzuriteTables>
{
    protected override Task<INotificationLog> CreatePortAsync() =>
        Task.FromResult<INotificationLog>(new TableNotificationLog(tables.Notifications));
}
