using AsyncCommerce.Payments;
using Microsoft.Extensions.Options;

namespace AsyncCommerce.Orchestrations.Tests.Payments;

public sealed class PaymentOptionsTests
{
    [Fact]
    public void AddCommerceWorkflows_NoPaymentSettings_UsesTheDocumentedDefaults()
    {
        var options = CommerceWorkflowsHost.Options<PaymentOptions>();

        Assert.Equal(TimeSpan.FromMinutes(15), options.AwaitPaymentMethodTimeout);
    }

    [Fact]
    public void AddCommerceWorkflows_PaymentSettings_AreBoundFromTheCommercePaymentSection()
    {
        var options = CommerceWorkflowsHost.Options<PaymentOptions>(
            ("Commerce:Payment:AwaitPaymentMethodTimeout", "00:05:00"),
            ("Commerce:Payment:RetryMaxAttempts", "2"));

        Assert.Equal(TimeSpan.FromMinutes(5), options.AwaitPaymentMethodTimeout);
        Assert.Equal(2, options.RetryMaxAttempts);
    }

    [Theory]
    [InlineData("AwaitPaymentMethodTimeout", "00:00:00")]
    [InlineData("AwaitPaymentMethodTimeout", "-00:15:00")]
    [InlineData("RetryMaxAttempts", "0")]
    [InlineData("RetryMaxAttempts", "21")]
    [InlineData("RetryFirstInterval", "00:00:00")]
    [InlineData("RetryBackoffCoefficient", "0.5")]
    [InlineData("RetryMaxInterval", "00:00:00.500")]
    public async Task AddCommerceWorkflows_InvalidPaymentSetting_FailsOnStartNamingTheSetting(string setting, string value)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => CommerceWorkflowsHost.StartAsync(($"Commerce:Payment:{setting}", value)));

        Assert.Contains($"Commerce:Payment:{setting}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddCommerceWorkflows_UnreadablePaymentSetting_FailsOnStartNamingTheSetting()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => CommerceWorkflowsHost.StartAsync(("Commerce:Payment:AwaitPaymentMethodTimeout", "fifteen minutes")));

        Assert.Contains("Commerce:Payment:AwaitPaymentMethodTimeout", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("RetryMaxAttempts", "1")]
    [InlineData("RetryMaxAttempts", "20")]
    [InlineData("RetryBackoffCoefficient", "1")]
    [InlineData("RetryMaxInterval", "00:00:01")]
    [InlineData("RetryFirstInterval", "00:00:00.001")]
    public async Task AddCommerceWorkflows_PaymentSettingAtItsLimit_StartsWithThatValue(string setting, string value)
    {
        await CommerceWorkflowsHost.StartAsync(($"Commerce:Payment:{setting}", value));

        Assert.Equal(CommerceWorkflowsHost.Parse<PaymentOptions>(setting, value), CommerceWorkflowsHost.Setting<PaymentOptions>(setting, value));
    }
}
