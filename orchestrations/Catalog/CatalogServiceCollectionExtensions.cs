using AsyncCommerce.Catalog;
using Microsoft.Extensions.DependencyInjection;

namespace AsyncCommerce;

public static class CatalogServiceCollectionExtensions
{
    /// <summary>
    /// The catalog and store directory of <see cref="SeedData"/>: static reference data, for hosts that keep no catalog
    /// in a store of their own (in memory, and the Functions app on Cosmos DB). One <see cref="FixedCatalog"/>,
    /// resolvable by the port and by its own type.
    /// </summary>
    public static IServiceCollection AddSeedCatalog(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton(_ => new FixedCatalog(SeedData.Items, SeedData.Stores));
        services.AddSingleton<ICatalog>(provider => provider.GetRequiredService<FixedCatalog>());
        return services;
    }
}
