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
        services.AddLocalAzurite();
        services.AddAzureStorageStores(configuration);
        return services;
    }

    /// <summary>
    /// <see cref="LocalAzurite"/> alone, at this point of the hosted services' order; registering it again later
    /// (as <see cref="AddAzuriteStorage"/> does) keeps this place.
    /// </summary>
    public static IServiceCollection AddLocalAzurite(this IServiceCollection services)
    {
        services.AddHostedService<LocalAzurite>();
        return services;
    }
}
