using AsyncCommerce.Api.Checkout;

namespace AsyncCommerce.Api.Tests.Checkout;

public sealed class PreferWaitTests
{
    [Theory]
    [InlineData("wait=20", 20)]
    [InlineData("respond-async, wait=5", 5)]
    [InlineData("handling=lenient; WAIT = 7", 7)]
    [InlineData("wait=\"3\"", 3)]
    public void Parse_AWaitPreference_IsItsSeconds(string prefer, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), PreferWait.Parse(prefer));

    [Fact]
    public void Parse_AWaitLongerThanTheLimit_IsTheLimit() =>
        Assert.Equal(TimeSpan.FromSeconds(30), PreferWait.Parse("wait=3600"));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("respond-async")]
    [InlineData("wait=soon")]
    [InlineData("wait=-5")]
    public void Parse_NoUsableWait_IsZero(string? prefer) =>
        Assert.Equal(TimeSpan.Zero, PreferWait.Parse(prefer));
}
