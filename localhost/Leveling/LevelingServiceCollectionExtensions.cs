using Microsoft.DurableTask.Client;

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
            .Validate(o => o.MaxAcceptsInFlight is >= 0 and <= 10_000, $"{LevelingOptions.Section}:MaxAcceptsInFlight must be between 0 and 10000.")
            .Validate(o => o.MaxHold > TimeSpan.Zero && o.MaxHold <= TimeSpan.FromSeconds(10), $"{LevelingOptions.Section}:MaxHold must be more than zero and at most 10 seconds.")
            .Validate(o => o.BusyPoll > TimeSpan.Zero && o.BusyPoll <= o.MaxHold, $"{LevelingOptions.Section}:BusyPoll must be more than zero and at most MaxHold.")
            .ValidateOnStart();
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
