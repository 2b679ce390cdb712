using AsyncCommerce.LocalHost.Leveling;
using AsyncCommerce.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AsyncCommerce.LocalHost.Tests.Leveling;

/// <summary>When the engine's next work item may run: at once without a burst, once the burst is over, or when the hold is up.</summary>
public sealed class EngineAdmissionTests
{
    private static readonly TimeSpan MaxHold = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan BurstWindow = TimeSpan.FromMilliseconds(100);

    // Three checkouts within the window make a burst (30 a second over 100 ms).
    private const int BurstSize = 3;
    private readonly FakeTimeProvider _clock = new();
    private readonly CheckoutArrivals _arrivals;
    private readonly EngineAdmissionLane _lane;

    public EngineAdmissionTests()
    {
        _arrivals = new CheckoutArrivals(Options.Create(new LevelingOptions { BurstRate = 30, BurstWindow = BurstWindow }), _clock);
        _lane = new EngineAdmissionLane(_arrivals, MaxHold, _clock);
    }

    [Fact]
    public async Task Turn_FewerCheckoutsThanABurst_IsGivenAtOnce()
    {
        await _arrivals.ArriveAsync(BurstSize - 1);

        var turn = _lane.WaitForTurnAsync(CancellationToken.None);

        Assert.False(_arrivals.IsBurst);
        Assert.True(turn.IsCompleted);
    }

    [Fact]
    public async Task Turn_DuringABurst_WaitsUntilItIsOver()
    {
        await _arrivals.ArriveAsync(BurstSize);
        _clock.Advance(MaxHold);
        await _lane.WaitForTurnAsync(CancellationToken.None);
        var turn = _lane.WaitForTurnAsync(CancellationToken.None).AsTask();
        Assert.True(_arrivals.IsBurst);
        Assert.False(turn.IsCompleted);

        _clock.Advance(MaxHold);

        await turn.WaitAsync(Eventually.DefaultTimeout);
        Assert.True(_arrivals.IsBurst);
    }

    [Fact]
    public async Task Turn_AfterTheBurstsLastCheckout_IsGivenOnceTheWindowHasPassed()
    {
        var lane = new EngineAdmissionLane(_arrivals, maxHold: TimeSpan.FromSeconds(10), _clock);
        await _arrivals.ArriveAsync(BurstSize);
        var turn = lane.WaitForTurnAsync(CancellationToken.None).AsTask();
        Assert.False(turn.IsCompleted);

        _clock.Advance(BurstWindow);

        await turn.WaitAsync(Eventually.DefaultTimeout);
        Assert.False(_arrivals.IsBurst);
    }

    [Fact]
    public async Task Turn_WhenTheEngineStops_IsCancelled()
    {
        await _arrivals.ArriveAsync(BurstSize);
        using var stopping = new CancellationTokenSource();
        var turn = _lane.WaitForTurnAsync(stopping.Token).AsTask();

        await stopping.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => turn);
    }

    [Fact]
    public async Task Arrivals_OtherRequests_AreNotCounted()
    {
        foreach (var (method, path) in new[] { (HttpMethods.Get, "/api/checkouts"), (HttpMethods.Post, "/api/checkouts/ord_1/cancel"), (HttpMethods.Get, "/api/health") })
        {
            var context = new DefaultHttpContext();
            context.Request.Method = method;
            context.Request.Path = path;
            for (var i = 0; i < BurstSize; i++)
                await _arrivals.InvokeAsync(context, _ => Task.CompletedTask);
        }

        Assert.False(_arrivals.IsBurst);
    }

    [Fact]
    public async Task LocalHost_MemoryMode_LevelsTheEngineUnlessTurnedOff()
    {
        await using var leveled = new CommerceApp();
        await using var unleveled = new CommerceApp(new Dictionary<string, string?> { ["Commerce:Leveling:Enabled"] = "false" });
        leveled.CreateClient();
        unleveled.CreateClient();

        Assert.NotNull(leveled.Services.GetService<EngineAdmission>());
        Assert.Null(unleveled.Services.GetService<EngineAdmission>());
    }
}
