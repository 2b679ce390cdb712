using AsyncCommerce.Adapters.AzureStorage;
using DurableTask.AzureStorage;
using DurableTask.Core;
using Microsoft.DurableTask.Testing.Sidecar;

namespace AsyncCommerce.LocalHost.EmbeddedEngine;

/// <summary>The two backends of the embedded engine, one per storage mode.</summary>
internal static class EmbeddedBackends
{
    public static EmbeddedBackend InMemory(EmbeddedEngineOptions engine, ILoggerFactory loggerFactory)
    {
        var service = new HighConcurrencyOrchestrationService<InMemoryOrchestrationService>(new InMemoryOrchestrationService(loggerFactory), engine.MaxConcurrentWorkItems);
        return new EmbeddedBackend(service, service, "in-memory backend");
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

            // As for the in-memory backend: the sidecar's dispatcher sleeps whenever this cap is reached, so it is
            // set high and the worker's own concurrency does the throttling.
            MaxConcurrentTaskOrchestrationWorkItems = engine.MaxConcurrentWorkItems,
            MaxConcurrentTaskActivityWorkItems = engine.MaxConcurrentWorkItems,
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
