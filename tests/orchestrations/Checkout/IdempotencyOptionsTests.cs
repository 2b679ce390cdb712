using AsyncCommerce.Checkout;
using Microsoft.Extensions.Options;

namespace AsyncCommerce.Orchestrations.Tests.Checkout;

/// <summary>The key retention every part reads (the API's replays, the Tables purge) is the one checkout setting.</summary>
public sealed class IdempotencyOptionsTests
{
    [Fact]
    public void AddCommerceWorkflows_NoCheckoutSettings_RemembersKeysForTheContractsDay() =>
        Assert.Equal(TimeSpan.FromHours(24), CommerceWorkflowsHost.Options<IdempotencyOptions>().IdempotencyRetention);

    [Fact]
    public void AddCommerceWorkflows_CheckoutRetention_IsTheRetentionEveryStoreReads() =>
        Assert.Equal(TimeSpan.FromHours(48), CommerceWorkflowsHost.Options<IdempotencyOptions>(("Commerce:Checkout:IdempotencyRetention", "2.00:00:00")).IdempotencyRetention);

    [Fact]
    public async Task AddCommerceWorkflows_RetentionUnderADay_FailsOnStartNamingTheSetting()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => CommerceWorkflowsHost.StartAsync(("Commerce:Checkout:IdempotencyRetention", "23:59:59")));

        Assert.Contains("Commerce:Checkout:IdempotencyRetention must be at least 24 hours", error.Message, StringComparison.Ordinal);
    }
}
