using AsyncCommerce.Notifications;

namespace AsyncCommerce.Orchestrations.Tests.Notifications;

public sealed class RedeliveryBackoffTests
{
    [Fact]
    public void After_EachFailedDelivery_DoublesFromTheFirstDelayUpToTheCeiling()
    {
        var backoff = new RedeliveryBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));

        var waits = Enumerable.Range(1, 7).Select(backoff.After);

        Assert.Equal([1, 2, 4, 8, 16, 30, 30], waits.Select(wait => wait.TotalSeconds));
    }

    [Fact]
    public void After_AFixedBackoff_WaitsTheSameAfterEveryDelivery()
    {
        var backoff = RedeliveryBackoff.Fixed(TimeSpan.FromMilliseconds(200));

        Assert.All(Enumerable.Range(1, 10).Select(backoff.After), wait => Assert.Equal(TimeSpan.FromMilliseconds(200), wait));
    }

    [Fact]
    public void After_ALongRunOfDeliveries_StaysAtTheCeilingWithoutOverflowing()
    {
        var backoff = new RedeliveryBackoff(TimeSpan.FromDays(1), TimeSpan.FromDays(2));

        Assert.Equal(TimeSpan.FromDays(2), backoff.After(int.MaxValue));
    }
}
