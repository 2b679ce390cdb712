using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading.Channels;
using AsyncCommerce.Telemetry;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Client.Entities;

namespace AsyncCommerce.LocalHost.Leveling;

/// <summary>
/// The in-memory engine's client, with load leveling: scheduling a workflow only queues its start, and
/// <see cref="StartAdmission"/> hands queued starts to the engine when the process has CPU to spare. Everything else is
/// the engine's own client, except that a call about one workflow first starts that workflow if it is still queued, so a
/// cancellation or a status read right after the 202 sees the workflow as if it had been scheduled at once.
/// </summary>
/// <remarks>
/// Why: the engine shares the process (and, on a small machine, every core) with the HTTP routes. Scheduled directly,
/// a burst of checkouts puts every workflow's work on the thread pool at once and the accept path waits behind it
/// (p99 near 100 ms at 32 connections on 2 cores). Queued here, the burst waits in this queue instead, and the accept
/// ends at the durable append of OrderPlaced and the idempotency record. Used in memory mode only: there a crash loses
/// everything anyway, while with a durable backend the schedule call is itself the durable hand-off and stays direct.
/// </remarks>
internal sealed partial class LeveledDurableTaskClient(DurableTaskClient engine, ILogger<LeveledDurableTaskClient> logger) : DurableTaskClient(engine.Name)
{
    private readonly ConcurrentDictionary<string, Lazy<Task>> _queued = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();

    // Capacity one, extra signals dropped: one wake-up drains everything queued before it.
    private readonly Channel<bool> _queuedSignal = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public override DurableEntityClient Entities => engine.Entities;

    /// <summary>Workflows scheduled and not yet handed to the engine.</summary>
    public int QueuedCount => _queued.Count;

    public override Task<string> ScheduleNewOrchestrationInstanceAsync(TaskName orchestratorName, object? input = null, StartOrchestrationOptions? options = null, CancellationToken cancellation = default)
    {
        var instanceId = options?.InstanceId ?? Guid.NewGuid().ToString("N");
        var startOptions = (options ?? new StartOrchestrationOptions()) with { InstanceId = instanceId };
        var traceParent = CommerceTelemetry.CurrentTraceParent();
        var start = new Lazy<Task>(() => StartInTraceAsync(orchestratorName, input, startOptions, traceParent));
        if (!_queued.TryAdd(instanceId, start))
            throw new InvalidOperationException($"A workflow with id '{instanceId}' is already queued to start.");
        _order.Enqueue(instanceId);
        _queuedSignal.Writer.TryWrite(true);
        return Task.FromResult(instanceId);
    }

    // The request that queued the start has usually answered by the time it runs, on the admission loop or another
    // request: the start (and so the workflow, which the SDK parents on it) continues the queuing request's trace.
    private async Task StartInTraceAsync(TaskName orchestratorName, object? input, StartOrchestrationOptions options, string? traceParent)
    {
        using var span = CommerceTelemetry.StartActivity($"start {orchestratorName.Name}", ActivityKind.Internal, traceParent);
        await engine.ScheduleNewOrchestrationInstanceAsync(orchestratorName, input, options, CancellationToken.None);
    }

    /// <summary>Completes when a start may have been queued since the last call.</summary>
    public ValueTask<bool> WaitForQueuedAsync(CancellationToken cancellationToken) => _queuedSignal.Reader.ReadAsync(cancellationToken);

    /// <summary>Hands the oldest queued start to the engine; false when nothing is queued.</summary>
    public async Task<bool> AdmitNextAsync()
    {
        while (_order.TryDequeue(out var instanceId))
        {
            // Already started on demand (a cancellation or a read about it came first): take the next one.
            if (!_queued.ContainsKey(instanceId))
                continue;
            try
            {
                await StartQueuedAsync(instanceId);
            }
            catch (Exception failure)
            {
                LogStartFailed(instanceId, failure);
            }

            return true;
        }

        return false;
    }

    /// <summary>Starts every queued workflow now (a query over all workflows, or shutdown).</summary>
    public async Task AdmitAllAsync()
    {
        while (await AdmitNextAsync())
        {
        }
    }

    private async Task StartQueuedAsync(string instanceId)
    {
        if (!_queued.TryGetValue(instanceId, out var start))
            return;
        try
        {
            await start.Value;
        }
        finally
        {
            _queued.TryRemove(KeyValuePair.Create(instanceId, start));
        }
    }

    public override async Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellation = default)
    {
        await StartQueuedAsync(instanceId);
        await engine.RaiseEventAsync(instanceId, eventName, eventPayload, cancellation);
    }

    public override async Task<OrchestrationMetadata> WaitForInstanceStartAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
    {
        await StartQueuedAsync(instanceId);
        return await engine.WaitForInstanceStartAsync(instanceId, getInputsAndOutputs, cancellation);
    }

    public override async Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
    {
        await StartQueuedAsync(instanceId);
        return await engine.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs, cancellation);
    }

    public override async Task TerminateInstanceAsync(string instanceId, TerminateInstanceOptions? options = null, CancellationToken cancellation = default)
    {
        await StartQueuedAsync(instanceId);
        await engine.TerminateInstanceAsync(instanceId, options, cancellation);
    }

    public override async Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default)
    {
        await StartQueuedAsync(instanceId);
        await engine.SuspendInstanceAsync(instanceId, reason, cancellation);
    }

    public override async Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default)
    {
        await StartQueuedAsync(instanceId);
        await engine.ResumeInstanceAsync(instanceId, reason, cancellation);
    }

    public override async Task<OrchestrationMetadata?> GetInstancesAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
    {
        await StartQueuedAsync(instanceId);
        return await engine.GetInstancesAsync(instanceId, getInputsAndOutputs, cancellation);
    }

    public override AsyncPageable<OrchestrationMetadata> GetAllInstancesAsync(OrchestrationQuery? filter = null) =>
        Pageable.Create((continuation, pageSize, cancellation) => AllAfterAdmittingAsync(filter, continuation, pageSize, cancellation));

    private async Task<Page<OrchestrationMetadata>> AllAfterAdmittingAsync(OrchestrationQuery? filter, string? continuation, int? pageSize, CancellationToken cancellation)
    {
        await AdmitAllAsync();
        await foreach (var page in engine.GetAllInstancesAsync(filter).AsPages(continuation, pageSize).WithCancellation(cancellation))
            return page;
        return new Page<OrchestrationMetadata>([]);
    }

    public override async Task<PurgeResult> PurgeInstanceAsync(string instanceId, PurgeInstanceOptions? options = null, CancellationToken cancellation = default)
    {
        await StartQueuedAsync(instanceId);
        return await engine.PurgeInstanceAsync(instanceId, options, cancellation);
    }

    public override Task<PurgeResult> PurgeAllInstancesAsync(PurgeInstancesFilter filter, PurgeInstanceOptions? options = null, CancellationToken cancellation = default) =>
        engine.PurgeAllInstancesAsync(filter, options, cancellation);

    // The engine's client belongs to the Durable Task client provider, which disposes it.
    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [LoggerMessage(EventId = 5401, EventName = "QueuedWorkflowStartFailed", Level = LogLevel.Error,
        Message = "Order {OrderId}: its workflow could not be handed to the engine; the order stays Accepted")]
    private partial void LogStartFailed(string orderId, Exception failure);
}
