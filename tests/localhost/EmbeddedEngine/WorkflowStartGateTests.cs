using System.Threading.Channels;
using AsyncCommerce.LocalHost.EmbeddedEngine;
using AsyncCommerce.Testing;
using DurableTask.Core;
using DurableTask.Core.History;

namespace AsyncCommerce.LocalHost.Tests.EmbeddedEngine;

/// <summary>
/// The start gate over a backend queue the test fills: new workflows wait while the limit is busy, and nothing that
/// a started workflow needs to finish ever waits behind them.
/// </summary>
public sealed class WorkflowStartGateTests
{
    private readonly Channel<TaskOrchestrationWorkItem> _backend = Channel.CreateUnbounded<TaskOrchestrationWorkItem>();

    [Fact]
    public async Task Start_WhileTheLimitIsBusy_WaitsUntilABusyWorkflowEnds()
    {
        var gate = new WorkflowStartGate(limit: 1);
        Queue(NewWorkflow("ord_1"), NewWorkflow("ord_2"));
        Assert.Equal("ord_1", (await NextAsync(gate)).InstanceId);

        var second = NextAsync(gate);
        await HeldAsync(gate, 1);
        Assert.False(second.IsCompleted);
        gate.Committed("ord_1", OrchestrationStatus.Completed, awaitsReply: false);

        Assert.Equal("ord_2", (await second).InstanceId);
        Assert.Equal((1, 0), (gate.Busy, gate.Held));
    }

    [Fact]
    public async Task LaterEpisode_WhileStartsAreHeld_RunsAtOnce()
    {
        var gate = new WorkflowStartGate(limit: 1);
        Queue(NewWorkflow("ord_1"));
        await NextAsync(gate);
        gate.Committed("ord_1", OrchestrationStatus.Running, awaitsReply: true);

        Queue(NewWorkflow("ord_2"), LaterEpisode("ord_1"));

        Assert.Equal("ord_1", (await NextAsync(gate)).InstanceId);
        Assert.Equal(1, gate.Held);
    }

    [Fact]
    public async Task Workflow_WaitingOnlyForATimerOrAnEvent_GivesItsSlotToAHeldStart()
    {
        var gate = new WorkflowStartGate(limit: 1);
        Queue(NewWorkflow("ord_1"), NewWorkflow("ord_2"));
        await NextAsync(gate);
        var second = NextAsync(gate);
        await HeldAsync(gate, 1);

        // A pickup order that now waits for the store: nothing it scheduled is coming back.
        gate.Committed("ord_1", OrchestrationStatus.Running, awaitsReply: false);

        Assert.Equal("ord_2", (await second).InstanceId);
    }

    [Fact]
    public async Task SubOrchestration_WhileTheLimitIsBusy_StartsAtOnce()
    {
        var gate = new WorkflowStartGate(limit: 1);
        Queue(NewWorkflow("ord_1"));
        await NextAsync(gate);

        Queue(NewWorkflow("ord_1:payment", parent: "ord_1"));

        Assert.Equal("ord_1:payment", (await NextAsync(gate)).InstanceId);
    }

    [Fact]
    public async Task HeldStarts_AreLetInFirstInFirstOut()
    {
        var gate = new WorkflowStartGate(limit: 1);
        Queue(NewWorkflow("ord_1"), NewWorkflow("ord_2"), NewWorkflow("ord_3"));
        await NextAsync(gate);
        var next = NextAsync(gate);
        await HeldAsync(gate, 2);

        gate.Committed("ord_1", OrchestrationStatus.Completed, awaitsReply: false);
        Assert.Equal("ord_2", (await next).InstanceId);
        gate.Committed("ord_2", OrchestrationStatus.Failed, awaitsReply: false);

        Assert.Equal("ord_3", (await NextAsync(gate)).InstanceId);
    }

    [Fact]
    public async Task Fetch_BegunWhileAStartWaited_IsHandedToTheNextCall()
    {
        var gate = new WorkflowStartGate(limit: 1);
        Queue(NewWorkflow("ord_1"), NewWorkflow("ord_2"));
        await NextAsync(gate);
        var waiting = NextAsync(gate);
        await HeldAsync(gate, 1);
        gate.Committed("ord_1", OrchestrationStatus.Completed, awaitsReply: false);
        await waiting;

        // The call above left a fetch pending on the empty queue; what it brings must not be lost.
        Queue(LaterEpisode("ord_2"));

        Assert.Equal("ord_2", (await NextAsync(gate)).InstanceId);
    }

    private Task<TaskOrchestrationWorkItem> NextAsync(WorkflowStartGate gate) =>
        gate.NextAsync(() => _backend.Reader.ReadAsync().AsTask(), CancellationToken.None);

    private static Task<int> HeldAsync(WorkflowStartGate gate, int held) =>
        Eventually.UntilAsync(() => Task.FromResult(gate.Held), count => count == held, $"{held} starts held");

    private void Queue(params TaskOrchestrationWorkItem[] workItems)
    {
        foreach (var workItem in workItems)
            Assert.True(_backend.Writer.TryWrite(workItem));
    }

    private static TaskOrchestrationWorkItem NewWorkflow(string instanceId, string? parent = null)
    {
        var instance = new OrchestrationInstance { InstanceId = instanceId, ExecutionId = "exec" };
        var started = new ExecutionStartedEvent(-1, input: null)
        {
            OrchestrationInstance = instance,
            Name = "CheckoutSaga",
            Version = string.Empty,
            ParentInstance = parent is null ? null : new ParentInstance { OrchestrationInstance = new OrchestrationInstance { InstanceId = parent }, TaskScheduleId = 0 },
        };
        return WorkItem(instanceId, new OrchestrationRuntimeState(), new TaskMessage { Event = started, OrchestrationInstance = instance });
    }

    private static TaskOrchestrationWorkItem LaterEpisode(string instanceId)
    {
        var instance = new OrchestrationInstance { InstanceId = instanceId, ExecutionId = "exec" };
        var history = new OrchestrationRuntimeState();
        history.AddEvent(new ExecutionStartedEvent(-1, input: null) { OrchestrationInstance = instance, Name = "CheckoutSaga", Version = string.Empty });
        history.AddEvent(new TaskScheduledEvent(0, "ReserveStock"));
        return WorkItem(instanceId, history, new TaskMessage { Event = new TaskCompletedEvent(-1, 0, result: null), OrchestrationInstance = instance });
    }

    private static TaskOrchestrationWorkItem WorkItem(string instanceId, OrchestrationRuntimeState history, TaskMessage message) => new()
    {
        InstanceId = instanceId,
        OrchestrationRuntimeState = history,
        NewMessages = [message],
        LockedUntilUtc = DateTime.MaxValue,
    };
}
