using AsyncCommerce.Orders;
using Microsoft.Extensions.Options;

namespace AsyncCommerce.Orchestrations.Tests.Orders;

public sealed class OutboxOptionsTests
{
    [Fact]
    public void Validate_Defaults_HasNoErrors() => Assert.True(Validate(new OutboxOptions()).Succeeded);

    [Fact]
    public void Validate_ZeroCoalesce_IsAllowed() => Assert.True(Validate(new OutboxOptions { Coalesce = TimeSpan.Zero }).Succeeded);

    [Theory]
    [InlineData(-1)]
    [InlineData(1_001)]
    public void Validate_CoalesceOutsideZeroToThePollInterval_NamesTheSetting(int milliseconds)
    {
        var options = new OutboxOptions { PollInterval = TimeSpan.FromSeconds(1), Coalesce = TimeSpan.FromMilliseconds(milliseconds) };

        Assert.EndsWith("Commerce:Outbox:Coalesce must be between zero and PollInterval.", Assert.Single(Validate(options).Failures!), StringComparison.Ordinal);
    }

    private static ValidateOptionsResult Validate(OutboxOptions options) => new OutboxOptionsValidator().Validate(Options.DefaultName, options);
}
