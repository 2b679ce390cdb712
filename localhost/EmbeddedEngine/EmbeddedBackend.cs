using DurableTask.Core;

namespace AsyncCommerce.LocalHost.EmbeddedEngine;

/// <summary>The Durable Task backend the embedded engine runs on: where orchestration state and queues live.</summary>
internal sealed class EmbeddedBackend(
    IOrchestrationService service,
    IOrchestrationServiceClient client,
    string description,
    ResumableOrchestrations? resumable = null,
    DeferredWorkflowStarts? deferredStarts = null)
{
    public IOrchestrationService Service { get; } = service;

    public IOrchestrationServiceClient Client { get; } = client;

    /// <summary>Running workflows' executors kept between episodes, where this backend has them (memory mode).</summary>
    public ResumableOrchestrations? Resumable { get; } = resumable;

    /// <summary>New workflows noted during a burst and made on the engine's turn, where this backend has them (memory mode, leveled).</summary>
    public DeferredWorkflowStarts? DeferredStarts { get; } = deferredStarts;

    /// <summary>For the start-up log line: which backend, and its main settings.</summary>
    public string Description { get; } = description;

    /// <summary>Creates the backend's storage (task hub queues, tables, leases) if it is not there yet.</summary>
    public Task CreateIfNotExistsAsync() => Service.CreateIfNotExistsAsync();

    /// <summary>Makes the workflow now if its start is still noted (<see cref="DeferredStarts"/>).</summary>
    public Task EnsureMadeAsync(string instanceId) => DeferredStarts?.EnsureMadeAsync(instanceId) ?? Task.CompletedTask;
}
