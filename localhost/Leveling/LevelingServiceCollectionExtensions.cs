using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AsyncCommerce.LocalHost.Leveling;

internal static class LevelingServiceCollectionExtensions
{
    /// <summary>
    /// Load leveling for the in-memory engine (see <see cref="EngineAdmission"/>), unless <c>Commerce:Leveling:Enabled</c>
    /// is false: the engine's backend then hands over work items as it gets them.
    /// </summary>
    public static IServiceCollection AddEngineLeveling(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(LevelingOptions.Section);
        services.AddOptions<LevelingOptions>()
            .Bind(section)
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LevelingOptions>, LevelingOptionsValidator>());
        if (!section.GetValue(nameof(LevelingOptions.Enabled), defaultValue: true))
            return services;

        services.AddSingleton<CheckoutArrivals>();
        services.AddSingleton<EngineAdmission>();
        return services;
    }
}
