using AsyncCommerce.LocalHost.EmbeddedEngine;
using DurableTask.Core;
using DurableTask.Core.Command;
using DurableTask.Core.History;
using DurableTask.Core.Middleware;
using Microsoft.Extensions.Time.Testing;

namespace AsyncCommerce.LocalHost.Tests.EmbeddedEngine;

/// <summary>
/// The executor cache on Durable Task Core's own executor, episode by episode as the dispatcher drives it: an episode
/// resumes only on exactly the history its executor committed, and replays in full otherwise.
/// </summary>
public sealed class ResumableOrchestrationsTests
{
    private static readonly OrchestrationInstance Instance = new() { InstanceId = "ord_1", ExecutionId = "exec_1" };
    private static readonly OrchestrationInstance SecondInstance = new() { InstanceId = "ord_2", ExecutionId = "exec_2" };
    private static readonly TimeSpan IdleLimit = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task Episode_AfterItsHistoryWasCommitted_RunsOnlyTheNewEvents()
    {
        var cache = NewCache();
        var orchestration = new TwoSteps();
        var first = await RunAsync(cache, orchestration, Started());
        cache.Committed(first.State);

        var second = await RunAsync(cache, orchestration, StepCompleted(first.State, taskId: 0));

        Assert.Equal(1, orchestration.Starts);
        Assert.Equal((1, 1), (cache.Replayed, cache.Resumed));
        var scheduled = Assert.IsType<ScheduleTaskOrchestratorAction>(Assert.Single(second.Actions));
        Assert.Equal("second", scheduled.Name);
    }

    [Fact]
    public async Task Episode_WhosePreviousEpisodeWasNeverCommitted_ReplaysInFull()
    {
        var cache = NewCache();
        var orchestration = new TwoSteps();
        await RunAsync(cache, orchestration, Started());

        // As after a crash or a failed save: the backend hands the same messages over again on the old history.
        await RunAsync(cache, orchestration, Started());

        Assert.Equal(2, orchestration.Starts);
        Assert.Equal((2, 0), (cache.Replayed, cache.Resumed));
    }

    [Fact]
    public async Task Episode_AfterAnAbandonedOne_ReplaysInFull()
    {
        var cache = NewCache();
        var orchestration = new TwoSteps();
        var first = await RunAsync(cache, orchestration, Started());
        cache.Committed(first.State);
        cache.Abandoned(Instance.InstanceId);

        await RunAsync(cache, orchestration, StepCompleted(first.State, taskId: 0));

        Assert.Equal((2, 0), (cache.Replayed, cache.Resumed));
    }

    [Fact]
    public async Task Episode_OnAHistoryThatGrewElsewhere_ReplaysInFull()
    {
        var cache = NewCache();
        var orchestration = new TwoSteps();
        var first = await RunAsync(cache, orchestration, Started());
        cache.Committed(first.State);
        var elsewhere = StepCompleted(first.State, taskId: 0);
        Scheduled(elsewhere, taskId: 1, "second");

        // Another host ran an episode in between: the history is longer than the one this executor committed.
        await RunAsync(cache, orchestration, StepCompleted(elsewhere, taskId: 1));

        Assert.Equal((2, 0), (cache.Replayed, cache.Resumed));
    }

    [Fact]
    public async Task Workflow_ThatEnds_IsNotKept()
    {
        var cache = NewCache();
        var orchestration = new TwoSteps();
        var first = await RunAsync(cache, orchestration, Started());
        cache.Committed(first.State);
        var second = await RunAsync(cache, orchestration, StepCompleted(first.State, taskId: 0));
        cache.Committed(second.State);

        var last = await RunAsync(cache, orchestration, StepCompleted(second.State, taskId: 1));

        var completed = Assert.IsType<OrchestrationCompleteOrchestratorAction>(Assert.Single(last.Actions));
        Assert.Equal(OrchestrationStatus.Completed, completed.OrchestrationStatus);
        Assert.Equal("\"done\"", completed.Result);
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public async Task Cache_AtCapacity_KeepsNoMoreWorkflows()
    {
        var clock = new FakeTimeProvider();
        var cache = NewCache(capacity: 1, clock);
        var first = await RunAsync(cache, new TwoSteps(), Started());
        cache.Committed(first.State);
        clock.Advance(IdleLimit / 2);

        await RunAsync(cache, new TwoSteps(), Started(SecondInstance));
        await RunAsync(cache, new TwoSteps(), StepCompleted(first.State, taskId: 0));

        Assert.Equal((2, 1), (cache.Replayed, cache.Resumed));
        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public async Task Cache_AtCapacity_GivesAnIdleWorkflowsPlaceToANewOne()
    {
        var clock = new FakeTimeProvider();
        var cache = NewCache(capacity: 1, clock);
        var waiting = await RunAsync(cache, new TwoSteps(), Started());
        cache.Committed(waiting.State);
        clock.Advance(IdleLimit);

        var busy = await RunAsync(cache, new TwoSteps(), Started(SecondInstance));
        cache.Committed(busy.State);
        await RunAsync(cache, new TwoSteps(), StepCompleted(busy.State, taskId: 0));

        // The idle one replays when it runs again; the new one resumed.
        await RunAsync(cache, new TwoSteps(), StepCompleted(waiting.State, taskId: 0));
        Assert.Equal((3, 1), (cache.Replayed, cache.Resumed));
    }

    private static ResumableOrchestrations NewCache(int capacity = 10, TimeProvider? clock = null) =>
        new(capacity, IdleLimit, BehaviorOnContinueAsNew.Carryover, DirectDurableTaskWorker.ErrorPropagation, clock ?? TimeProvider.System);

    private static async Task<Episode> RunAsync(ResumableOrchestrations cache, TaskOrchestration orchestration, OrchestrationRuntimeState state)
    {
        var context = new DispatchMiddlewareContext();
        context.SetProperty(state);
        context.SetProperty(orchestration);
        await cache.RunEpisodeAsync(context, () => throw new InvalidOperationException("The cache runs every episode itself."));
        var result = context.GetProperty<OrchestratorExecutionResult>();
        var actions = result.Actions.ToList();

        // What the dispatcher does with the decisions before it saves the history.
        foreach (var schedule in actions.OfType<ScheduleTaskOrchestratorAction>())
            Scheduled(state, schedule.Id, schedule.Name ?? string.Empty);
        state.AddEvent(new OrchestratorCompletedEvent(-1));
        return new Episode(state, actions);
    }

    private static OrchestrationRuntimeState Started(OrchestrationInstance? instance = null)
    {
        var state = new OrchestrationRuntimeState();
        state.AddEvent(new OrchestratorStartedEvent(-1));
        state.AddEvent(new ExecutionStartedEvent(-1, "\"order\"") { OrchestrationInstance = instance ?? Instance, Name = nameof(TwoSteps), Version = string.Empty });
        return state;
    }

    private static OrchestrationRuntimeState StepCompleted(OrchestrationRuntimeState before, int taskId)
    {
        var state = new OrchestrationRuntimeState(before.Events.ToList());
        state.AddEvent(new OrchestratorStartedEvent(-1));
        state.AddEvent(new TaskCompletedEvent(-1, taskId, "\"ok\""));
        return state;
    }

    private static void Scheduled(OrchestrationRuntimeState state, int taskId, string name) =>
        state.AddEvent(new TaskScheduledEvent(taskId) { Name = name, Version = string.Empty });

    private sealed record Episode(OrchestrationRuntimeState State, IReadOnlyList<OrchestratorAction> Actions);

    /// <summary>Two steps one after the other; counts how often its code starts from the top (a full replay).</summary>
    private sealed class TwoSteps : TaskOrchestration
    {
        public int Starts { get; private set; }

        public override async Task<string> Execute(OrchestrationContext context, string input)
        {
            Starts++;
            await context.ScheduleTask<string>("first", string.Empty);
            await context.ScheduleTask<string>("second", string.Empty);
            return "\"done\"";
        }

        public override string? GetStatus() => null;

        public override void RaiseEvent(OrchestrationContext context, string name, string input)
        {
        }
    }
}
