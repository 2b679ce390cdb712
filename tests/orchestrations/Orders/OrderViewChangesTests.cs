using AsyncCommerce.Orders;

namespace AsyncCommerce.Orchestrations.Tests.Orders;

public sealed class OrderViewChangesTests
{
    private readonly OrderViewChanges _changes = new();

    [Fact]
    public void Notify_TheOrderWaitedOn_CompletesEveryWaiter()
    {
        using var first = _changes.Subscribe("ord_1");
        using var second = _changes.Subscribe("ord_1");

        _changes.Notify("ord_1");

        Assert.True(first.Changed.IsCompletedSuccessfully && second.Changed.IsCompletedSuccessfully);
        Assert.Equal(0, _changes.Waiting("ord_1"));
    }

    [Fact]
    public void Notify_AnotherOrder_LeavesTheWaiterWaiting()
    {
        using var waiting = _changes.Subscribe("ord_1");

        _changes.Notify("ord_2");

        Assert.False(waiting.Changed.IsCompleted);
        Assert.Equal(1, _changes.Waiting("ord_1"));
    }

    [Fact]
    public void Dispose_AWaiterThatGaveUp_IsForgotten()
    {
        var waiting = _changes.Subscribe("ord_1");

        waiting.Dispose();

        Assert.Equal(0, _changes.Waiting("ord_1"));
    }

    [Fact]
    public void Subscribe_AfterANotify_WaitsForTheNextOne()
    {
        _changes.Notify("ord_1");

        using var waiting = _changes.Subscribe("ord_1");

        Assert.False(waiting.Changed.IsCompleted);
    }
}
