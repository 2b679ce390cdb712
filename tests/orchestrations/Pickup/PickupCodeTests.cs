using AsyncCommerce.Pickup;

namespace AsyncCommerce.Orchestrations.Tests.Pickup;

public sealed class PickupCodeTests
{
    [Theory]
    [InlineData("3f2504e0-4f89-11d3-9a0c-0305e82c3301")]
    [InlineData("ffffffff-ffff-ffff-ffff-ffffffffffff")]
    [InlineData("00000000-0000-0000-0000-000000000001")]
    [InlineData("0000002a-0000-0000-0000-000000000000")]
    public void From_AnyGuid_IsSixDigits(string seed)
    {
        Assert.Matches("^[0-9]{6}$", PickupCode.From(Guid.Parse(seed)));
    }

    [Fact]
    public void From_ManyRandomGuids_AreAllSixDigits()
    {
        var codes = Enumerable.Range(0, 1000).Select(_ => PickupCode.From(Guid.NewGuid()));

        Assert.All(codes, code => Assert.Matches("^[0-9]{6}$", code));
    }

    [Fact]
    public void From_SameGuid_GivesTheSameCode()
    {
        var seed = Guid.Parse("3f2504e0-4f89-11d3-9a0c-0305e82c3301");

        Assert.Equal(PickupCode.From(seed), PickupCode.From(new Guid(seed.ToString())));
    }

    [Fact]
    public void From_SmallValue_KeepsLeadingZeros()
    {
        Assert.Equal("000042", PickupCode.From(Guid.Parse("0000002a-0000-0000-0000-000000000000")));
    }

    [Fact]
    public void From_FixedGuid_GivesTheSameCodeAsBefore()
    {
        // An orchestration replayed after an upgrade must derive the code it already showed the customer.
        Assert.Equal("967295", PickupCode.From(Guid.Parse("ffffffff-0000-0000-0000-000000000000")));
    }

    [Fact]
    public void From_DifferentGuids_GiveDifferentCodes()
    {
        var first = PickupCode.From(Guid.Parse("3f2504e0-4f89-11d3-9a0c-0305e82c3301"));
        var second = PickupCode.From(Guid.Parse("7c9e6679-7425-40de-944b-e07fc1f90ae7"));

        Assert.NotEqual(first, second);
    }
}
