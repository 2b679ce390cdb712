using System.Diagnostics;
using DurableTask.Core;
using DurableTask.Core.History;
using DurableTask.Core.Query;
using DurableTask.Core.Tracing;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Client.Entities;
using Microsoft.Extensions.Options;
using CorePurgeResult = DurableTask.Core.PurgeResult;
using PurgeResult = Microsoft.DurableTask.Client.PurgeResult;
using SdkOrchestrationQuery = Microsoft.DurableTask.Client.OrchestrationQuery;

namespace AsyncCommerce.LocalHost.EmbeddedEngine;

/// <summary>
/// The <c>Microsoft.DurableTask</c> client of the embedded engine, speaking to the storage mode's backend directly (the
/// calls a Durable Task sidecar would make for it). See <see cref="DirectDurableTaskWorker"/> for why there is no sidecar.
/// </summary>
internal sealed class DirectDurableTaskClient : DurableTaskClient
{
    // How often WaitForInstanceStartAsync looks again; the backend is in this process or on loopback.
    private static readonly TimeSpan StartPollInterval = TimeSpan.FromMilliseconds(50);

    private readonly EmbeddedBackend _backend;
    private readonly DataConverter _converter;

    public DirectDurableTaskClient(string name, EmbeddedBackend backend, IOptionsMonitor<DurableTaskClientOptions> options)
        : base(name)
    {
        ArgumentNullException.ThrowIfNull(options);
        _backend = backend;
        _converter = options.Get(name).DataConverter;
    }

    public override DurableEntityClient Entities => throw new NotSupportedException("The commerce workflows use no durable entities.");

    private IOrchestrationServiceClient Backend => _backend.Client;

    public override async Task<string> ScheduleNewOrchestrationInstanceAsync(
        TaskName orchestratorName, object? input = null, StartOrchestrationOptions? options = null, CancellationToken cancellation = default)
    {
        cancellation.ThrowIfCancellationRequested();
        var instanceId = options?.InstanceId ?? Guid.NewGuid().ToString("N");

        // The workflow's spans continue the trace of whoever started it (the checkout request), also when made later.
        var (parentSpan, parentState) = Activity.Current is { Id: { } id } current ? (id, current.TraceStateString) : (null, null);

        // A noted start serializes its input when it is made: the commerce workflows' inputs are immutable records.
        if (_backend.DeferredStarts?.TryDefer(instanceId, () => MakeAsync(instanceId, orchestratorName, input, options, parentSpan, parentState)) == true)
            return instanceId;

        await _backend.EnsureMadeAsync(instanceId);
        await MakeAsync(instanceId, orchestratorName, input, options, parentSpan, parentState);
        return instanceId;
    }

    private async Task MakeAsync(
        string instanceId, TaskName orchestratorName, object? input, StartOrchestrationOptions? options, string? parentSpan, string? parentState)
    {
        var instance = new OrchestrationInstance { InstanceId = instanceId, ExecutionId = Guid.NewGuid().ToString("N") };
        var started = new ExecutionStartedEvent(-1, _converter.Serialize(input))
        {
            Name = orchestratorName.Name,
            Version = options?.Version?.Version ?? string.Empty,
            OrchestrationInstance = instance,
            ScheduledStartTime = options?.StartAt?.UtcDateTime,
            ParentTraceContext = parentSpan is null ? null : new DistributedTraceContext(parentSpan, parentState),
            Tags = options?.Tags?.ToDictionary(tag => tag.Key, tag => tag.Value, StringComparer.Ordinal) ?? [],
        };

        // An instance id already in use is refused while it runs, as under Durable Functions; a finished one is replaced.
        await Backend.CreateTaskOrchestrationAsync(
            new TaskMessage { OrchestrationInstance = instance, Event = started },
            [OrchestrationStatus.Pending, OrchestrationStatus.Running, OrchestrationStatus.Suspended]);
    }

    public override Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventName);
        return SendAsync(instanceId, new EventRaisedEvent(-1, _converter.Serialize(eventPayload)) { Name = eventName }, cancellation);
    }

    public override Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        SendAsync(instanceId, new ExecutionSuspendedEvent(-1, reason), cancellation);

    public override Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        SendAsync(instanceId, new ExecutionResumedEvent(-1, reason), cancellation);

    public override async Task TerminateInstanceAsync(string instanceId, TerminateInstanceOptions? options = null, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        cancellation.ThrowIfCancellationRequested();
        await _backend.EnsureMadeAsync(instanceId);
        await Backend.ForceTerminateTaskOrchestrationAsync(instanceId, _converter.Serialize(options?.Output));
    }

    public override async Task<OrchestrationMetadata?> GetInstancesAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        cancellation.ThrowIfCancellationRequested();
        await _backend.EnsureMadeAsync(instanceId);

        // The Azure Storage backend answers an unknown id with a list holding one null.
        var states = await Backend.GetOrchestrationStateAsync(instanceId, allExecutions: false);
        return states?.FirstOrDefault() is { } state ? ToMetadata(state, getInputsAndOutputs) : null;
    }

    public override async Task<OrchestrationMetadata> WaitForInstanceStartAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
    {
        while (true)
        {
            var metadata = await GetInstancesAsync(instanceId, getInputsAndOutputs, cancellation)
                ?? throw new InvalidOperationException($"No workflow with id '{instanceId}' exists.");
            if (metadata.RuntimeStatus != OrchestrationRuntimeStatus.Pending)
                return metadata;
            await Task.Delay(StartPollInterval, cancellation);
        }
    }

    public override async Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        await _backend.EnsureMadeAsync(instanceId);
        var state = await Backend.WaitForOrchestrationAsync(instanceId, executionId: null, Timeout.InfiniteTimeSpan, cancellation);
        cancellation.ThrowIfCancellationRequested();
        if (state is null)
            throw new InvalidOperationException($"No workflow with id '{instanceId}' exists.");
        return ToMetadata(state, getInputsAndOutputs);
    }

    public override AsyncPageable<OrchestrationMetadata> GetAllInstancesAsync(SdkOrchestrationQuery? filter = null)
    {
        var queries = Backend as IOrchestrationServiceQueryClient
            ?? throw new NotSupportedException($"The {_backend.Description} cannot list workflows.");
        return Pageable.Create(async (continuation, pageSize, cancellation) =>
        {
            var query = new DurableTask.Core.Query.OrchestrationQuery
            {
                RuntimeStatus = filter?.Statuses?.Select(ToCore).ToList(),
                CreatedTimeFrom = filter?.CreatedFrom?.UtcDateTime,
                CreatedTimeTo = filter?.CreatedTo?.UtcDateTime,
                TaskHubNames = filter?.TaskHubNames?.ToList(),
                PageSize = pageSize ?? filter?.PageSize ?? SdkOrchestrationQuery.DefaultPageSize,
                ContinuationToken = continuation ?? filter?.ContinuationToken,
                InstanceIdPrefix = filter?.InstanceIdPrefix,
                FetchInputsAndOutputs = filter?.FetchInputsAndOutputs ?? false,
            };
            var result = await queries.GetOrchestrationWithQueryAsync(query, cancellation);
            return new Page<OrchestrationMetadata>(
                [.. result.OrchestrationState.Select(state => ToMetadata(state, query.FetchInputsAndOutputs))],
                result.ContinuationToken);
        });
    }

    public override async Task<PurgeResult> PurgeInstanceAsync(string instanceId, PurgeInstanceOptions? options = null, CancellationToken cancellation = default)
    {
        var instance = await GetInstancesAsync(instanceId, getInputsAndOutputs: false, cancellation);
        if (instance is null)
            return new PurgeResult(0);
        if (!instance.IsCompleted)
            throw new InvalidOperationException($"Workflow '{instanceId}' is {instance.RuntimeStatus}; only a finished workflow can be purged.");
        return ToSdk(await Purges.PurgeInstanceStateAsync(instanceId));
    }

    public override async Task<PurgeResult> PurgeAllInstancesAsync(PurgeInstancesFilter filter, PurgeInstanceOptions? options = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        cancellation.ThrowIfCancellationRequested();
        var coreFilter = new PurgeInstanceFilter(
            filter.CreatedFrom?.UtcDateTime ?? DateTime.MinValue,
            filter.CreatedTo?.UtcDateTime,
            filter.Statuses?.Select(ToCore));
        return ToSdk(await Purges.PurgeInstanceStateAsync(coreFilter));
    }

    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private IOrchestrationServicePurgeClient Purges => Backend as IOrchestrationServicePurgeClient
        ?? throw new NotSupportedException($"The {_backend.Description} cannot purge workflows.");

    private async Task SendAsync(string instanceId, HistoryEvent message, CancellationToken cancellation)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        cancellation.ThrowIfCancellationRequested();

        // An event for a workflow whose start is still noted would reach no one: the workflow is made first.
        await _backend.EnsureMadeAsync(instanceId);
        await Backend.SendTaskOrchestrationMessageAsync(new TaskMessage { OrchestrationInstance = new OrchestrationInstance { InstanceId = instanceId }, Event = message });
    }

    private OrchestrationMetadata ToMetadata(OrchestrationState state, bool getInputsAndOutputs) =>
        new(state.Name, state.OrchestrationInstance.InstanceId)
        {
            DataConverter = getInputsAndOutputs ? _converter : null,
            RuntimeStatus = ToSdk(state.OrchestrationStatus),
            CreatedAt = new DateTimeOffset(DateTime.SpecifyKind(state.CreatedTime, DateTimeKind.Utc)),
            LastUpdatedAt = new DateTimeOffset(DateTime.SpecifyKind(state.LastUpdatedTime, DateTimeKind.Utc)),
            SerializedInput = getInputsAndOutputs ? state.Input : null,
            SerializedOutput = getInputsAndOutputs ? state.Output : null,
            SerializedCustomStatus = getInputsAndOutputs ? state.Status : null,
            FailureDetails = ToSdk(state.FailureDetails),
        };

    private static TaskFailureDetails? ToSdk(FailureDetails? failure) => failure is null
        ? null
        : new TaskFailureDetails(failure.ErrorType, failure.ErrorMessage, failure.StackTrace, ToSdk(failure.InnerFailure), null);

    private static PurgeResult ToSdk(CorePurgeResult result) => new(result.DeletedInstanceCount);

    // The SDK declares its statuses with Durable Task Core's names and numbers (a test holds them to it).
    internal static OrchestrationRuntimeStatus ToSdk(OrchestrationStatus status) => (OrchestrationRuntimeStatus)(int)status;

    internal static OrchestrationStatus ToCore(OrchestrationRuntimeStatus status) => (OrchestrationStatus)(int)status;
}
