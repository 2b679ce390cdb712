using AsyncCommerce.Adapters.AzureStorage;
using AsyncCommerce.LocalHost.Leveling;
using AsyncCommerce.LocalHost.Storage;
using AsyncCommerce.LocalHost.Workflows;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Converters;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AsyncCommerce.LocalHost.EmbeddedEngine;

public static class EmbeddedEngineServiceCollectionExtensions
{
    // Orchestration inputs, outputs and events are kept in the backend's history, which in azurite mode outlives the
    // process and a deployment: written in the system's JSON shape, as the Functions app writes them (enums by name).
    private static readonly JsonDataConverter HistoryConverter = new(CommerceJsonDefaults.Options);

    /// <summary>
    /// Runs the commerce orchestrations and activities on an embedded Durable Task engine: Durable Task Core's dispatchers
    /// over the storage mode's backend, running the <c>Microsoft.DurableTask</c> orchestrators and activities through the
    /// SDK's own shims, and a <see cref="DurableTaskClient"/> on the same backend.
    /// </summary>
    public static IServiceCollection AddEmbeddedDurableTask(this IServiceCollection services, IConfiguration configuration, StorageMode storage = StorageMode.Memory)
    {
        services.AddOptions<EmbeddedEngineOptions>()
            .Bind(configuration.GetSection(EmbeddedEngineOptions.Section))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EmbeddedEngineOptions>, EmbeddedEngineOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(provider => storage == StorageMode.Azurite
            ? EmbeddedBackends.AzureStorage(Engine(provider), provider.GetRequiredService<IOptions<AzureStorageOptions>>().Value, provider.GetRequiredService<ILoggerFactory>())
            : EmbeddedBackends.InMemory(
                Engine(provider), provider.GetService<EngineAdmission>(), provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<ILoggerFactory>()));

        services.AddDurableTaskWorker(builder =>
        {
            builder.AddTasks(registry => registry.AddCommerceTasks());
            builder.UseBuildTarget<DirectDurableTaskWorker>();
            builder.Services.AddOptions<DurableTaskWorkerOptions>(builder.Name).Configure(worker => worker.DataConverter = HistoryConverter);
        });

        services.AddHostedService<WorkflowHistoryPurger>();

        services.AddDurableTaskClient(builder =>
        {
            builder.UseBuildTarget<DirectDurableTaskClient>();
            builder.Services.AddOptions<DurableTaskClientOptions>(builder.Name).Configure(client => client.DataConverter = HistoryConverter);
        });
        if (storage == StorageMode.Memory)
            services.AddEngineLeveling(configuration);
        return services;
    }

    private static EmbeddedEngineOptions Engine(IServiceProvider provider) => provider.GetRequiredService<IOptions<EmbeddedEngineOptions>>().Value;
}
