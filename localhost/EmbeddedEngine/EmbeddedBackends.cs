using AsyncCommerce.Adapters.AzureStorage;
using AsyncCommerce.LocalHost.Leveling;
using DurableTask.AzureStorage;
using DurableTask.Core;
using Microsoft.DurableTask.Testing.Sidecar;

namespace AsyncCommerce.LocalHost.EmbeddedEngine;

/// <summary>The two backends of the embedded engine, one per storage mode.</summary>
internal static class EmbeddedBackends
{
    /// <summary>The in-memory backend; work items are handed over as <paramref name="admission"/> allows, when given.</summary>
    public static EmbeddedBackend InMemory(EmbeddedEngineOptions engine, EngineAdmission? admission, TimeProvider clock, ILoggerFactory loggerFactory)
    {
        var inner = new InMemoryOrchestrationService(loggerFactory);
        var resumable = engine.ResumableOrchestrations > 0
            ? new ResumableOrchestrations(
                engine.ResumableOrchestrations, engine.ResumableIdleTime, inner.EventBehaviourForContinueAsNew, DirectDurableTaskWorker.ErrorPropagation, clock)
            : null;
        var service = new EmbeddedOrchestrationService<InMemoryOrchestrationService>(
            inner, engine.WorkerConcurrency, admission, resumable, engine.BusyWorkflows > 0 ? new WorkflowStartGate(engine.BusyWorkflows) : null);
        return new EmbeddedBackend(service, service, "in-memory backend", resumable, admission is null ? null : new DeferredWorkflowStarts(admission));
    }

    /// <summary>
    /// The backend Durable Functions uses by default in Azure (queues, tables and blob leases in a storage account),
    /// here on Azurite, with the hub settings of the Functions app's host.json.
    /// </summary>
    public static EmbeddedBackend AzureStorage(EmbeddedEngineOptions engine, AzureStorageOptions storage, ILoggerFactory loggerFactory)
    {
        var hub = DurableHubSettings.FromFunctionsHostJson();
        var settings = new AzureStorageOrchestrationServiceSettings
        {
            TaskHubName = storage.TaskHub,
            StorageAccountClientProvider = new StorageAccountClientProvider(storage.ConnectionString),
            PartitionCount = hub.PartitionCount,
            MaxQueuePollingInterval = hub.MaxQueuePollingInterval,

            // Partitions are leased per worker id, and the default id is the machine name: two hosts on one machine
            // would both believe they own every partition. The process id makes each host a worker of its own.
            WorkerId = $"{Environment.MachineName}-{Environment.ProcessId}",

            // The engine's dispatchers run at most this many work items of each kind at once.
            MaxConcurrentTaskOrchestrationWorkItems = engine.WorkerConcurrency,
            MaxConcurrentTaskActivityWorkItems = engine.WorkerConcurrency,
            ControlQueueVisibilityTimeout = engine.MessageVisibilityTimeout,
            WorkItemQueueVisibilityTimeout = engine.MessageVisibilityTimeout,
            LoggerFactory = loggerFactory,
        };
        var service = new AzureStorageOrchestrationService(settings);
        return new EmbeddedBackend(
            service,
            service,
            $"Azure Storage backend, task hub {storage.TaskHub}, {hub.PartitionCount} partitions, polling up to {hub.MaxQueuePollingInterval.TotalSeconds:0.#} s");
    }
}
