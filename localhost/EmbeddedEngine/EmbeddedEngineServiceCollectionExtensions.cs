using AsyncCommerce.Adapters.AzureStorage;
using AsyncCommerce.LocalHost.Leveling;
using AsyncCommerce.LocalHost.Storage;
using AsyncCommerce.LocalHost.Workflows;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Client.Grpc;
using Microsoft.DurableTask.Converters;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Grpc;
using Microsoft.Extensions.Options;

namespace AsyncCommerce.LocalHost.EmbeddedEngine;

public static class EmbeddedEngineServiceCollectionExtensions
{
    // Orchestration inputs, outputs and events are kept in the backend's history, which in azurite mode outlives the
    // process and a deployment: written in the system's JSON shape, as the Functions app writes them (enums by name).
    private static readonly JsonDataConverter HistoryConverter = new(CommerceJsonDefaults.Options);

    /// <summary>
    /// Runs the commerce orchestrations and activities on an embedded Durable Task engine: the sidecar over the
    /// storage mode's backend, plus the standard <c>Microsoft.DurableTask</c> worker and client connected to it.
    /// </summary>
    public static IServiceCollection AddEmbeddedDurableTask(this IServiceCollection services, IConfiguration configuration, StorageMode storage = StorageMode.Memory)
    {
        services.AddOptions<EmbeddedEngineOptions>()
            .Bind(configuration.GetSection(EmbeddedEngineOptions.Section))
            .Validate(o => o.MaxConcurrentWorkItems is >= 1 and <= 1_000_000, $"{EmbeddedEngineOptions.Section}:MaxConcurrentWorkItems must be between 1 and 1000000.")
            .Validate(o => o.WorkerConcurrency is >= 1 and <= 10_000, $"{EmbeddedEngineOptions.Section}:WorkerConcurrency must be between 1 and 10000.")
            .Validate(o => o.HistoryPurgeInterval > TimeSpan.Zero, $"{EmbeddedEngineOptions.Section}:HistoryPurgeInterval must be more than zero.")
            .Validate(o => o.MessageVisibilityTimeout >= TimeSpan.FromSeconds(5), $"{EmbeddedEngineOptions.Section}:MessageVisibilityTimeout must be at least 5 seconds.")
            .ValidateOnStart();
        services.AddSingleton<EmbeddedSidecarEndpoint>();
        services.AddSingleton(provider => storage == StorageMode.Azurite
            ? EmbeddedBackends.AzureStorage(Engine(provider), provider.GetRequiredService<IOptions<AzureStorageOptions>>().Value, provider.GetRequiredService<ILoggerFactory>())
            : EmbeddedBackends.InMemory(Engine(provider), provider.GetRequiredService<ILoggerFactory>()));

        // Order matters: hosted services start in registration order and stop in reverse.
        services.AddHostedService<EmbeddedSidecar>();

        services.AddDurableTaskWorker(builder =>
        {
            builder.AddTasks(registry => registry.AddCommerceTasks());
            builder.UseGrpc();
            builder.Services.AddOptions<GrpcDurableTaskWorkerOptions>(builder.Name)
                .Configure<EmbeddedSidecarEndpoint>((grpc, endpoint) => grpc.Channel = endpoint.Channel);
            builder.Services.AddOptions<DurableTaskWorkerOptions>(builder.Name)
                .Configure<IOptions<EmbeddedEngineOptions>>((worker, engine) =>
                {
                    worker.Concurrency.MaximumConcurrentActivityWorkItems = engine.Value.WorkerConcurrency;
                    worker.Concurrency.MaximumConcurrentOrchestrationWorkItems = engine.Value.WorkerConcurrency;
                    worker.DataConverter = HistoryConverter;
                });
        });

        services.AddHostedService<WorkflowHistoryPurger>();

        services.AddDurableTaskClient(builder =>
        {
            builder.UseGrpc();
            builder.Services.AddOptions<GrpcDurableTaskClientOptions>(builder.Name)
                .Configure<EmbeddedSidecarEndpoint>((grpc, endpoint) => grpc.Channel = endpoint.Channel);
            builder.Services.AddOptions<DurableTaskClientOptions>(builder.Name).Configure(client => client.DataConverter = HistoryConverter);
        });
        if (storage == StorageMode.Memory)
            services.AddLeveledWorkflowStarts(configuration);
        return services;
    }

    private static EmbeddedEngineOptions Engine(IServiceProvider provider) => provider.GetRequiredService<IOptions<EmbeddedEngineOptions>>().Value;
}
