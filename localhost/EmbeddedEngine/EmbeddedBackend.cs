using DurableTask.Core;

namespace AsyncCommerce.LocalHost.EmbeddedEngine;

/// <summary>The Durable Task backend the embedded sidecar serves: where orchestration state and queues live.</summary>
internal sealed class EmbeddedBackend(IOrchestrationService service, IOrchestrationServiceClient client, string description)
{
    public IOrchestrationService Service { get; } = service;

    public IOrchestrationServiceClient Client { get; } = client;

    /// <summary>For the start-up log line: which backend, and its main settings.</summary>
    public string Description { get; } = description;

    /// <summary>Creates the backend's storage (task hub queues, tables, leases) if it is not there yet.</summary>
    public Task CreateIfNotExistsAsync() => Service.CreateIfNotExistsAsync();
}
