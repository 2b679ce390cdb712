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
        services.AddOptions<AzureStorageOptions>().Bind(configuration.GetSection(AzureStorageOptions.Section));

        // Hosted services start in registration order: Azurite must answer before the stores and the engine start.
        services.AddHostedService<LocalAzurite>();
        services.AddAzureStorageStores(configuration);
        return services;
    }
}
