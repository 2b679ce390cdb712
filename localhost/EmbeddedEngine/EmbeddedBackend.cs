using DurableTask.Core;

namespace AsyncCommerce.LocalHost.EmbeddedEngine;

/// <summary>The Durable Task backend the embedded engine runs on: where orchestration state and queues live.</summary>
internal sealed class EmbeddedBackend(
    IOrchestrationService service, IOrchestrationServiceClient client, string description, ResumableOrchestrations? resumable = null)
{
    public IOrchestrationService Service { get; } = service;

    public IOrchestrationServiceClient Client { get; } = client;

    /// <summary>Running workflows' executors kept between episodes, where this backend has them (memory mode).</summary>
    public ResumableOrchestrations? Resumable { get; } = resumable;

    /// <summary>For the start-up log line: which backend, and its main settings.</summary>
    public string Description { get; } = description;

    /// <summary>Creates the backend's storage (task hub queues, tables, leases) if it is not there yet.</summary>
    public Task CreateIfNotExistsAsync() => Service.CreateIfNotExistsAsync();
}
