using AsyncCommerce.Api.Checkout;
using AsyncCommerce.Api.Health;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AsyncCommerce.Api.Tests;

/// <summary>The API's settings are checked when the host starts, so a setting that breaks the contract never serves a request.</summary>
public sealed class CommerceApiServiceCollectionExtensionsTests
{
    [Theory]
    [InlineData("Commerce:Checkout:IdempotencyRetention", "23:59:59")]
    [InlineData("Commerce:Checkout:AcceptanceLease", "00:00:00")]
    [InlineData("Commerce:Checkout:DuplicateWait", "-00:00:01")]
    [InlineData("Commerce:Checkout:RetryAfterSeconds", "-1")]
    [InlineData("Commerce:Checkout:StatusWaitRecheckInterval", "-00:00:01")]
    public async Task AddCommerceApi_SettingThatBreaksTheContract_HostFailsToStart(string key, string value)
    {
        // A bare host with only the API's services: the failure must come from their validation and nothing else.
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { [key] = value });
        builder.Services.AddCommerceApi(builder.Configuration);
        using var host = builder.Build();

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(key.Split(':')[^1], failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddCommerceApi_DefaultSettings_HostStartsWithTheDocumentedValues()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddCommerceApi(builder.Configuration);
        using var host = builder.Build();

        await host.StartAsync();
        var checkout = host.Services.GetRequiredService<IOptions<CheckoutOptions>>().Value;
        var health = host.Services.GetRequiredService<IOptions<HealthOptions>>().Value;
        await host.StopAsync();

        Assert.Equal(TimeSpan.FromHours(24), checkout.IdempotencyRetention);
        Assert.Equal(TimeSpan.FromSeconds(1), checkout.StatusWaitRecheckInterval);
        Assert.Equal(TimeSpan.FromSeconds(3), health.CheckTimeout);
    }
}
