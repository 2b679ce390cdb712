using AsyncCommerce.LocalHost.Leveling;
using AsyncCommerce.Testing;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging.Abstractions;

namespace AsyncCommerce.LocalHost.Tests.Leveling;

public sealed class LeveledDurableTaskClientTests : IAsyncDisposable
{
    private readonly RecordingEngineClient _engine = new();
    private readonly LeveledDurableTaskClient _client;

    public LeveledDurableTaskClientTests() => _client = new LeveledDurableTaskClient(_engine, NullLogger<LeveledDurableTaskClient>.Instance);

    public async ValueTask DisposeAsync()
    {
        await _client.DisposeAsync();
        await _engine.DisposeAsync();
    }

    private Task<string> ScheduleAsync(string orderId) =>
        _client.ScheduleNewOrchestrationInstanceAsync(new TaskName("CheckoutSaga"), input: null, new StartOrchestrationOptions(orderId));

    [Fact]
    public async Task Schedule_ReturnsTheIdAtOnce_AndTheEngineSeesNothingUntilAdmitted()
    {
        var id = await ScheduleAsync("ord_1");

        Assert.Equal(("ord_1", 1), (id, _client.QueuedCount));
        Assert.Empty(_engine.Calls);
        Assert.True(await _client.AdmitNextAsync());
        Assert.Equal(["start ord_1"], _engine.Calls);
        Assert.Equal(0, _client.QueuedCount);
    }

    [Fact]
    public async Task RaiseEvent_ForAQueuedWorkflow_StartsItFirst_AndAdmissionDoesNotStartItAgain()
    {
        await ScheduleAsync("ord_1");
        await ScheduleAsync("ord_2");

        await _client.RaiseEventAsync("ord_2", "CancelOrder");
        await _client.AdmitAllAsync();

        Assert.Equal(["start ord_2", "raise ord_2 CancelOrder", "start ord_1"], _engine.Calls);
    }

    [Fact]
    public async Task AdmitNext_StartsTheOldestFirst_AndSaysWhenNothingIsLeft()
    {
        await ScheduleAsync("ord_1");
        await ScheduleAsync("ord_2");

        Assert.True(await _client.AdmitNextAsync());
        Assert.True(await _client.AdmitNextAsync());
        Assert.False(await _client.AdmitNextAsync());
        Assert.Equal(["start ord_1", "start ord_2"], _engine.Calls);
    }

    [Fact]
    public async Task GetInstance_ForAQueuedWorkflow_StartsItBeforeAsking()
    {
        await ScheduleAsync("ord_1");

        await _client.GetInstanceAsync("ord_1");

        Assert.Equal(["start ord_1", "get ord_1"], _engine.Calls);
    }

    [Fact]
    public async Task GetAllInstances_StartsEveryQueuedWorkflowBeforeTheQuery()
    {
        await ScheduleAsync("ord_1");
        await ScheduleAsync("ord_2");

        await foreach (var _ in _client.GetAllInstancesAsync())
        {
        }

        Assert.Equal(["start ord_1", "start ord_2", "query"], _engine.Calls);
    }

    [Fact]
    public async Task Schedule_AnIdAlreadyQueued_IsRefused()
    {
        await ScheduleAsync("ord_1");

        await Assert.ThrowsAsync<InvalidOperationException>(() => ScheduleAsync("ord_1"));
        Assert.Equal(1, _client.QueuedCount);
    }

    [Fact]
    public async Task LocalHost_MemoryMode_LevelsStartsUnlessTurnedOff()
    {
        await using var leveled = new CommerceApp();
        await using var direct = new CommerceApp(new Dictionary<string, string?> { ["Commerce:Leveling:Enabled"] = "false" });

        Assert.IsType<LeveledDurableTaskClient>(leveled.Workflows);
        Assert.IsNotType<LeveledDurableTaskClient>(direct.Workflows);
    }
}
