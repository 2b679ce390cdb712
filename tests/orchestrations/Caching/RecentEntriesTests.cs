using AsyncCommerce.Caching;

namespace AsyncCommerce.Orchestrations.Tests.Caching;

public sealed class RecentEntriesTests
{
    [Fact]
    public void TryGet_AfterSet_ReturnsTheLatestValue()
    {
        var entries = new RecentEntries<string, int>(capacity: 10);
        entries.Set("order-1", 1);
        entries.Set("order-1", 2);

        Assert.True(entries.TryGet("order-1", out var value));
        Assert.Equal(2, value);
    }

    [Fact]
    public void TryGet_AfterRemove_FindsNothing()
    {
        var entries = new RecentEntries<string, int>(capacity: 10);
        entries.Set("order-1", 1);

        entries.Remove("order-1");

        Assert.False(entries.TryGet("order-1", out _));
    }

    [Fact]
    public void Set_BeyondTheCapacity_EmptiesTheMapInsteadOfGrowing()
    {
        var entries = new RecentEntries<int, int>(capacity: 3);
        foreach (var key in Enumerable.Range(1, 3))
            entries.Set(key, key);

        entries.Set(4, 4);

        Assert.All(Enumerable.Range(1, 4), key => Assert.False(entries.TryGet(key, out _)));
        entries.Set(5, 5);
        Assert.True(entries.TryGet(5, out _));
    }

    [Fact]
    public void Set_SameKeyAgain_DoesNotCountTowardsTheCapacity()
    {
        var entries = new RecentEntries<int, int>(capacity: 2);
        entries.Set(1, 1);
        foreach (var value in Enumerable.Range(0, 10))
            entries.Set(2, value);

        Assert.True(entries.TryGet(1, out _));
        Assert.True(entries.TryGet(2, out var last));
        Assert.Equal(9, last);
    }

    [Fact]
    public void Constructor_ZeroCapacity_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new RecentEntries<int, int>(capacity: 0));
}
