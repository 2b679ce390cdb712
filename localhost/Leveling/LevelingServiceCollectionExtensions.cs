using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AsyncCommerce.LocalHost.Leveling;

internal static class LevelingServiceCollectionExtensions
{
    /// <summary>
    /// Puts <see cref="LeveledDurableTaskClient"/> in front of the engine's client (unless <c>Commerce:Leveling:Enabled</c>
    /// is false). Registered after the Durable Task client, so the routes and the acceptance resolve this one.
    /// </summary>
    public static IServiceCollection AddLeveledWorkflowStarts(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(LevelingOptions.Section);
        services.AddOptions<LevelingOptions>()
            .Bind(section)
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LevelingOptions>, LevelingOptionsValidator>());
        if (!section.GetValue(nameof(LevelingOptions.Enabled), defaultValue: true))
            return services;

        services.AddSingleton(provider => new LeveledDurableTaskClient(
            provider.GetRequiredService<IDurableTaskClientProvider>().GetClient(),
            provider.GetRequiredService<ILogger<LeveledDurableTaskClient>>()));
        services.AddSingleton<DurableTaskClient>(provider => provider.GetRequiredService<LeveledDurableTaskClient>());
        services.AddSingleton<AcceptsInFlight>();
        services.AddHostedService<StartAdmission>();
        return services;
    }
}
