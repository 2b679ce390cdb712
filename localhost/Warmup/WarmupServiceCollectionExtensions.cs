using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AsyncCommerce.LocalHost.Warmup;

internal static class WarmupServiceCollectionExtensions
{
    /// <summary>
    /// The warm-up before the host serves (<see cref="HostWarmup"/>). Registered ahead of every other hosted service but
    /// the azurite mode's <see cref="Storage.LocalAzurite"/> (storage that cannot be had should stop the host first), so
    /// that it runs before the engine, the dispatchers and the server of the real host start.
    /// </summary>
    public static IServiceCollection AddHostWarmup(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WarmupOptions>()
            .Bind(configuration.GetSection(WarmupOptions.Section))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WarmupOptions>, WarmupOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<HostWarmup>();
        services.AddHostedService(provider => provider.GetRequiredService<HostWarmup>());
        return services;
    }
}
