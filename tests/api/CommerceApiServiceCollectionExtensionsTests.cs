using AsyncCommerce.Testing;
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
    public async Task AddCommerceApi_SettingThatBreaksTheContract_HostFailsToStart(string key, string value)
    {
        await using var app = new CommerceApp(new Dictionary<string, string?> { [key] = value });

        var failure = Record.Exception(() => app.CreateClient());

        Assert.IsType<OptionsValidationException>(failure?.GetBaseException());
    }
}
