namespace AsyncCommerce.Notifications;

/// <summary>Port: an email or SMS provider.</summary>
public interface INotificationSender
{
    Task SendAsync(NotificationMessage message, CancellationToken cancellationToken = default);
}
