using AsyncCommerce.Adapters.Simulated.Notifications;
using AsyncCommerce.Notifications;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace AsyncCommerce.Adapters.Simulated.Tests.Notifications;

public sealed class SimulatedNotificationSenderTests
{
    private readonly FakeLogger<SimulatedNotificationSender> _logger = new();
    private readonly SimulatedNotificationSender _sender;

    public SimulatedNotificationSenderTests() => _sender = new SimulatedNotificationSender(_logger);

    [Fact]
    public async Task Send_AnyMessage_KeepsItWithItsFullAddress()
    {
        var message = Message(NotificationChannel.Email, "ada@example.com");

        await _sender.SendAsync(message);

        Assert.Equal([message], _sender.Sent);
    }

    [Theory]
    [InlineData(NotificationChannel.Email, "ada@example.com", "a***@example.com")]
    [InlineData(NotificationChannel.Sms, "+15551234567", "+1*******567")]
    public async Task Send_AnyChannel_LogsTheMaskedRecipientOnly(NotificationChannel channel, string address, string masked)
    {
        await _sender.SendAsync(Message(channel, address));

        var line = _logger.LatestRecord;
        Assert.Equal(LogLevel.Information, line.Level);
        Assert.Equal("SimulatedNotificationDelivered", line.Id.Name);
        Assert.Contains(masked, line.Message, StringComparison.Ordinal);
        Assert.Contains("order-1", line.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(address, line.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_ManyConcurrently_KeepsEveryMessage()
    {
        await Task.WhenAll(Enumerable.Range(0, 200).Select(index => Task.Run(() => _sender.SendAsync(Message(NotificationChannel.Sms, $"+1555000{index:0000}")))));

        Assert.Equal(200, _sender.Sent.Select(m => m.Address).Distinct().Count());
    }

    private static NotificationMessage Message(NotificationChannel channel, string address) =>
        new("order-1", NotificationKind.OrderConfirmed, channel, address, "Your order order-1 is confirmed.");
}
