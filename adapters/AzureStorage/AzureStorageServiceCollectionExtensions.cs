using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AsyncCommerce.Adapters.AzureStorage;

public static class AzureStorageServiceCollectionExtensions
{
    /// <summary>
    /// Every storage port on Azure Tables in the account of <c>Commerce:AzureStorage:ConnectionString</c>, in the tables
    /// of <c>Commerce:AzureStorage:TaskHub</c> (created, and the catalog and stock seeded where missing, before the host
    /// serves); the order streams are the outbox, and notifications are delivered from it.
    /// </summary>
    public static IServiceCollection AddAzureStorageStores(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<AzureStorageOptions>().Bind(configuration.GetSection(AzureStorageOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AzureStorageOptions>, AzureStorageOptionsValidation>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider => new TableServiceClient(Options(provider).ConnectionString));
        services.TryAddSingleton(provider => new AzureStorageTables(provider.GetRequiredService<TableServiceClient>(), Options(provider).TaskHub));
        services.AddHostedService<AzureStorageInitializer>();
        return services;
    }

    private static AzureStorageOptions Options(IServiceProvider provider) => provider.GetRequiredService<IOptions<AzureStorageOptions>>().Value;
}
