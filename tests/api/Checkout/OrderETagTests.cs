using AsyncCommerce.Api.Checkout;

namespace AsyncCommerce.Api.Tests.Checkout;

public sealed class OrderETagTests
{
    [Theory]
    [InlineData("\"7\"")]
    [InlineData("W/\"7\"")]
    [InlineData("\"3\", \"7\"")]
    [InlineData("*")]
    public void Matches_ATagNamingTheVersion_IsTrue(string ifNoneMatch) => Assert.True(OrderETag.Matches(ifNoneMatch, 7));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("\"6\"")]
    [InlineData("7")]
    public void Matches_AnyOtherTag_IsFalse(string? ifNoneMatch) => Assert.False(OrderETag.Matches(ifNoneMatch, 7));
}
