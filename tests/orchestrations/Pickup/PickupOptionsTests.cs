using AsyncCommerce.Pickup;
using Microsoft.Extensions.Options;

namespace AsyncCommerce.Orchestrations.Tests.Pickup;

public sealed class PickupOptionsTests
{
    [Fact]
    public void AddCommerceWorkflows_NoPickupSettings_UsesTheDocumentedDefaults()
    {
        var options = CommerceWorkflowsHost.Options<PickupOptions>();

        Assert.Equal(TimeSpan.FromHours(2), options.PreparationDeadline);
        Assert.Equal(TimeSpan.FromHours(72), options.Window);
        Assert.Equal(TimeSpan.FromHours(24), options.ReminderBeforeExpiry);
    }

    [Fact]
    public void AddCommerceWorkflows_PickupSettings_AreBoundFromTheCommercePickupSection()
    {
        var options = CommerceWorkflowsHost.Options<PickupOptions>(("Commerce:Pickup:Window", "2.00:00:00"));

        Assert.Equal(TimeSpan.FromDays(2), options.Window);
    }

    [Theory]
    [InlineData("PreparationDeadline", "00:00:00")]
    [InlineData("Window", "00:00:00")]
    [InlineData("Window", "-01:00:00")]
    [InlineData("ReminderBeforeExpiry", "-00:00:01")]
    public async Task AddCommerceWorkflows_InvalidPickupSetting_FailsOnStartNamingTheSetting(string setting, string value)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => CommerceWorkflowsHost.StartAsync(($"Commerce:Pickup:{setting}", value)));

        Assert.Contains($"Commerce:Pickup:{setting}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddCommerceWorkflows_NoReminder_StartsWithoutOne()
    {
        await CommerceWorkflowsHost.StartAsync(("Commerce:Pickup:ReminderBeforeExpiry", "00:00:00"));

        Assert.Equal(TimeSpan.Zero, CommerceWorkflowsHost.Options<PickupOptions>(("Commerce:Pickup:ReminderBeforeExpiry", "00:00:00")).ReminderBeforeExpiry);
    }
}
