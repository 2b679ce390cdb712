using AsyncCommerce.Orders;

namespace AsyncCommerce.Orchestrations.Tests.Orders;

public sealed class OutboxOptionsTests
{
    [Fact]
    public void Validate_Defaults_HasNoErrors() => Assert.Empty(new OutboxOptions().Validate());

    [Fact]
    public void Validate_ZeroCoalesce_IsAllowed() => Assert.Empty(new OutboxOptions { Coalesce = TimeSpan.Zero }.Validate());

    [Theory]
    [InlineData(-1)]
    [InlineData(1_001)]
    public void Validate_CoalesceOutsideZeroToThePollInterval_NamesTheSetting(int milliseconds)
    {
        var options = new OutboxOptions { PollInterval = TimeSpan.FromSeconds(1), Coalesce = TimeSpan.FromMilliseconds(milliseconds) };

        Assert.Equal(["Commerce:Outbox:Coalesce must be between zero and PollInterval."], options.Validate());
    }
}
