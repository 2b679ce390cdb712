using AsyncCommerce.Checkout;
using AsyncCommerce.LocalHost.EmbeddedEngine;

namespace AsyncCommerce.LocalHost.Workflows;

/// <summary>
/// Memory mode's own defaults for the history retention: the in-memory engine keeps every finished workflow's history in
/// the process (about 15 KB an order), and nothing there outlives the process, so a week of it is only a leak. The
/// order's event stream is the record; the history goes a minute after the workflow ends. Settings a user gives win.
/// </summary>
internal static class InMemoryHistoryDefaults
{
    public static readonly TimeSpan Retention = TimeSpan.FromMinutes(1);

    public static readonly TimeSpan PurgeInterval = TimeSpan.FromSeconds(30);

    public static IServiceCollection AddInMemoryHistoryDefaults(this IServiceCollection services, IConfiguration configuration)
    {
        if (configuration[$"{WorkflowOptions.Section}:{nameof(WorkflowOptions.HistoryRetention)}"] is null)
            services.Configure<WorkflowOptions>(workflow => workflow.HistoryRetention = Retention);
        if (configuration[$"{EmbeddedEngineOptions.Section}:{nameof(EmbeddedEngineOptions.HistoryPurgeInterval)}"] is null)
            services.Configure<EmbeddedEngineOptions>(engine => engine.HistoryPurgeInterval = PurgeInterval);
        return services;
    }
}
