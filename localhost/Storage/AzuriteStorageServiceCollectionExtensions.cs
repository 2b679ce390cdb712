using AsyncCommerce.Adapters.AzureStorage;

namespace AsyncCommerce.LocalHost.Storage;

public static class AzuriteStorageServiceCollectionExtensions
{
    /// <summary>
    /// The azurite mode: Azurite made to answer first (<see cref="LocalAzurite"/>), then every store on Azure Tables,
    /// and notifications delivered from the streams' outbox.
    /// </summary>
    public static IServiceCollection AddAzuriteStorage(this IServiceCollection services, IConfiguration configuration)
    {
        // Hosted services start in registration order: Azurite must answer before the stores and the engine start.
        // (Its settings are bound by AddAzureStorageStores, which validates them.)
        services.AddHostedService<LocalAzurite>();
        services.AddAzureStorageStores(configuration);
        return services;
    }
}
