using AsyncCommerce.Checkout;
using Microsoft.Extensions.Options;

namespace AsyncCommerce.Orchestrations.Tests.Checkout;

public sealed class WorkflowOptionsTests
{
    [Fact]
    public void AddCommerceWorkflows_StepRetrySettings_AreBoundFromTheCommerceWorkflowSection()
    {
        var options = CommerceWorkflowsHost.Options<WorkflowOptions>(
            ("Commerce:Workflow:StepRetryMaxAttempts", "3"),
            ("Commerce:Workflow:StepRetryFirstInterval", "00:00:00.100"));

        Assert.Equal((3, TimeSpan.FromMilliseconds(100)), (options.StepRetryMaxAttempts, options.StepRetryFirstInterval));
    }

    [Fact]
    public void AddCommerceWorkflows_HistoryRetention_DefaultsToSevenDaysAndIsBound()
    {
        var byDefault = CommerceWorkflowsHost.Options<WorkflowOptions>();
        var configured = CommerceWorkflowsHost.Options<WorkflowOptions>(("Commerce:Workflow:HistoryRetention", "2.00:00:00"));

        Assert.Equal((TimeSpan.FromDays(7), TimeSpan.FromDays(2)), (byDefault.HistoryRetention, configured.HistoryRetention));
    }

    [Theory]
    [InlineData("HistoryRetention", "00:00:00")]
    [InlineData("HistoryRetention", "-1.00:00:00")]
    [InlineData("StepRetryMaxAttempts", "0")]
    [InlineData("StepRetryFirstInterval", "00:00:00")]
    [InlineData("StepRetryMaxInterval", "00:00:00.500")]
    public async Task AddCommerceWorkflows_InvalidStepRetrySetting_FailsOnStartNamingTheSetting(string setting, string value)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => CommerceWorkflowsHost.StartAsync(($"Commerce:Workflow:{setting}", value)));

        Assert.Contains($"Commerce:Workflow:{setting}", error.Message, StringComparison.Ordinal);
    }
}
