using AsyncCommerce.LocalHost.Leveling;
using AsyncCommerce.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AsyncCommerce.LocalHost.Tests.Leveling;

/// <summary>When the engine's next work item may run: at once without a burst, when the burst ends, or when the hold is up.</summary>
public sealed class EngineAdmissionTests
{
    private static readonly TimeSpan MaxHold = TimeSpan.FromMilliseconds(20);
    private readonly FakeTimeProvider _clock = new();
    private readonly AcceptsInFlight _accepts = new(Options.Create(new LevelingOptions { MaxAcceptsInFlight = 1 }));
    private readonly EngineAdmissionLane _lane;

    public EngineAdmissionTests() => _lane = new EngineAdmissionLane(_accepts, MaxHold, _clock);

    [Fact]
    public async Task Turn_NoBurst_IsGivenAtOnce()
    {
        await using var accept = await AcceptInFlightAsync();

        var turn = _lane.WaitForTurnAsync(CancellationToken.None);

        Assert.True(turn.IsCompleted);
    }

    [Fact]
    public async Task Turn_DuringABurst_WaitsUntilItEnds()
    {
        await using var first = await AcceptInFlightAsync();
        var second = await AcceptInFlightAsync();
        var turn = _lane.WaitForTurnAsync(CancellationToken.None).AsTask();
        Assert.False(turn.IsCompleted);

        await second.DisposeAsync();

        await turn.WaitAsync(Eventually.DefaultTimeout);
        Assert.False(_accepts.IsBurst);
    }

    [Fact]
    public async Task Turn_DuringASustainedBurst_IsGivenOnceTheHoldIsUp()
    {
        await using var first = await AcceptInFlightAsync();
        await using var second = await AcceptInFlightAsync();
        _clock.Advance(MaxHold);
        await _lane.WaitForTurnAsync(CancellationToken.None);
        var turn = _lane.WaitForTurnAsync(CancellationToken.None).AsTask();
        Assert.False(turn.IsCompleted);

        _clock.Advance(MaxHold);

        await turn.WaitAsync(Eventually.DefaultTimeout);
        Assert.True(_accepts.IsBurst);
    }

    [Fact]
    public async Task Turn_WhenTheEngineStops_IsCancelled()
    {
        await using var first = await AcceptInFlightAsync();
        await using var second = await AcceptInFlightAsync();
        _clock.Advance(MaxHold);
        await _lane.WaitForTurnAsync(CancellationToken.None);
        using var stopping = new CancellationTokenSource();
        var turn = _lane.WaitForTurnAsync(stopping.Token).AsTask();

        await stopping.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => turn);
    }

    [Fact]
    public async Task BurstOver_AfterAnEarlierBurst_WaitsForTheNewOne()
    {
        await using var first = await AcceptInFlightAsync();
        var second = await AcceptInFlightAsync();
        await second.DisposeAsync();
        await using var third = await AcceptInFlightAsync();

        var over = _accepts.BurstOverAsync();

        Assert.False(over.IsCompleted);
    }

    [Fact]
    public async Task Accepts_OtherRequests_AreNotCounted()
    {
        var status = new DefaultHttpContext();
        status.Request.Method = HttpMethods.Get;
        status.Request.Path = "/api/checkouts";

        await _accepts.InvokeAsync(status, _ => Task.CompletedTask);

        Assert.Equal(0, _accepts.Count);
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

    // A checkout in the middle of being accepted, counted by the real middleware until disposed.
    private async Task<InFlightAccept> AcceptInFlightAsync()
    {
        var context = new DefaultHttpContext();
        context.Request.Method = HttpMethods.Post;
        context.Request.Path = "/api/checkouts";
        var finish = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var request = _accepts.InvokeAsync(context, _ =>
        {
            entered.SetResult();
            return finish.Task;
        });
        await entered.Task;
        return new InFlightAccept(finish, request);
    }

    private sealed class InFlightAccept(TaskCompletionSource finish, Task request) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            finish.TrySetResult();
            await request;
        }
    }
}
