using AsyncCommerce.LocalHost.EmbeddedEngine;
using AsyncCommerce.LocalHost.Leveling;
using AsyncCommerce.LocalHost.Tests.Leveling;
using AsyncCommerce.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AsyncCommerce.LocalHost.Tests.EmbeddedEngine;

/// <summary>When a start noted during a burst is made: on the engine's turn, in order, at once when asked for, and once.</summary>
public sealed class DeferredWorkflowStartsTests : IAsyncDisposable
{
    private static readonly TimeSpan BurstWindow = TimeSpan.FromMilliseconds(100);

    // Three checkouts within the window make a burst (30 a second over 100 ms).
    private const int BurstSize = 3;
    private readonly FakeTimeProvider _clock = new();
    private readonly CheckoutArrivals _arrivals;
    private readonly DeferredWorkflowStarts _starts;
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<string> _made = [];
    private readonly List<string> _failed = [];
    private Task? _running;

    public DeferredWorkflowStartsTests()
    {
        // A hold longer than any test: during a burst only its end lets a start through.
        var options = Options.Create(new LevelingOptions { BurstRate = 30, BurstWindow = BurstWindow, MaxHold = TimeSpan.FromSeconds(10) });
        _arrivals = new CheckoutArrivals(options, _clock);
        _starts = new DeferredWorkflowStarts(new EngineAdmission(_arrivals, options, _clock));
    }

    [Fact]
    public void TryDefer_NoBurst_LeavesTheStartToTheCaller()
    {
        Assert.False(_starts.TryDefer("ord_1", () => Make("ord_1")));

        Assert.Equal(0, _starts.Pending);
        Assert.Empty(_made);
    }

    [Fact]
    public async Task Run_DuringABurst_MakesTheStartOnceTheBurstIsOver()
    {
        await _arrivals.ArriveAsync(BurstSize);
        Assert.True(_starts.TryDefer("ord_1", () => Make("ord_1")));
        Run();
        await Task.Yield();
        Assert.Empty(_made);

        _clock.Advance(BurstWindow);

        await UntilNoneWaitAsync("the noted start to be made");
        Assert.Equal(["ord_1"], Made());
    }

    [Fact]
    public async Task TryDefer_AfterTheBurstWhileStartsWait_KeepsTheirOrder()
    {
        await _arrivals.ArriveAsync(BurstSize);
        _starts.TryDefer("ord_1", () => Make("ord_1"));
        _clock.Advance(BurstWindow);
        Assert.False(_arrivals.IsBurst);

        Assert.True(_starts.TryDefer("ord_2", () => Make("ord_2")));
        Run();

        await UntilNoneWaitAsync("both noted starts to be made");
        Assert.Equal(["ord_1", "ord_2"], Made());
    }

    [Fact]
    public async Task EnsureMade_ANotedStart_MakesItAtOnceAndOnlyOnce()
    {
        await _arrivals.ArriveAsync(BurstSize);
        _starts.TryDefer("ord_1", () => Make("ord_1"));
        _starts.TryDefer("ord_2", () => Make("ord_2"));
        Run();

        await Task.WhenAll(_starts.EnsureMadeAsync("ord_2"), _starts.EnsureMadeAsync("ord_2"));
        Assert.Equal(["ord_2"], Made());
        _clock.Advance(BurstWindow);

        await UntilNoneWaitAsync("the other start to be made");
        Assert.Equal(["ord_2", "ord_1"], Made());
    }

    [Fact]
    public async Task TryDefer_AnIdAlreadyNoted_LeavesItToTheCaller()
    {
        await _arrivals.ArriveAsync(BurstSize);
        Assert.True(_starts.TryDefer("ord_1", () => Make("ord_1")));

        Assert.False(_starts.TryDefer("ord_1", () => Make("ord_1")));

        Assert.Equal(1, _starts.Pending);
    }

    [Fact]
    public async Task Run_AStartThatFails_IsReportedAndTheNextIsStillMade()
    {
        await _arrivals.ArriveAsync(BurstSize);
        _starts.TryDefer("ord_bad", () => throw new InvalidOperationException("backend refused"));
        _starts.TryDefer("ord_2", () => Make("ord_2"));
        Run();

        _clock.Advance(BurstWindow);

        await UntilNoneWaitAsync("both noted starts to be tried");
        Assert.Equal(["ord_bad"], _failed);
        Assert.Equal(["ord_2"], Made());
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        if (_running is not null)
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _running);
        _stopping.Dispose();
    }

    private Task<int> UntilNoneWaitAsync(string what) =>
        Eventually.UntilAsync(() => Task.FromResult(_starts.Pending), pending => pending == 0, what);

    private void Run() => _running = _starts.RunAsync(
        (instanceId, _) =>
        {
            lock (_failed)
                _failed.Add(instanceId);
            return true;
        },
        _stopping.Token);

    private Task Make(string instanceId)
    {
        lock (_made)
            _made.Add(instanceId);
        return Task.CompletedTask;
    }

    private string[] Made()
    {
        lock (_made)
            return [.. _made];
    }
}
