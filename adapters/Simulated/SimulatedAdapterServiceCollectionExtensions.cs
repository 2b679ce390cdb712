using AsyncCommerce.Adapters.Simulated.Notifications;
using AsyncCommerce.Adapters.Simulated.Payments;
using AsyncCommerce.Notifications;
using AsyncCommerce.Payments;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AsyncCommerce.Adapters.Simulated;

public static class SimulatedAdapterServiceCollectionExtensions
{
    /// <summary>
    /// The simulated payment gateway and notification sender, each one singleton resolvable by its port and
    /// by its own type (tests read the ledger and the sent messages that way). Gateway latency comes from
    /// <see cref="SimulatedGatewayOptions"/>, validated on start. The gateway's ledger is kept in memory
    /// unless the host registers another <see cref="ISimulatedPaymentLedger"/> (a persistent one, say).
    /// </summary>
    public static IServiceCollection AddSimulatedAdapters(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<SimulatedGatewayOptions>()
            .Bind(configuration.GetSection(SimulatedGatewayOptions.Section))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SimulatedGatewayOptions>, SimulatedGatewayOptionsValidator>());

        services.TryAddSingleton<ISimulatedPaymentLedger, InMemorySimulatedPaymentLedger>();
        services.AddSingleton<SimulatedPaymentGateway>();
        services.AddSingleton<IPaymentGateway>(provider => provider.GetRequiredService<SimulatedPaymentGateway>());
        services.AddSingleton<SimulatedNotificationSender>();
        services.AddSingleton<INotificationSender>(provider => provider.GetRequiredService<SimulatedNotificationSender>());
        return services;
    }
}
