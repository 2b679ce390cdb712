using AsyncCommerce.Adapters.ServiceBus.Notifications;
using AsyncCommerce.Notifications;
using Azure.Core;
using Azure.Identity;
using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AsyncCommerce.Adapters.ServiceBus;

public static class ServiceBusServiceCollectionExtensions
{
    /// <summary>The name <c>GET /api/health</c> reports Service Bus under.</summary>
    public const string HealthCheckName = "serviceBus";

    /// <summary>
    /// Order events over Service Bus: the <see cref="ServiceBusClient"/> (identity-based unless a connection string is set
    /// for the emulator), the publisher as <see cref="IOrderEventPublisher"/> (replacing any registered before), the
    /// notification handler, and the <see cref="NotificationProcessorHost"/>. The <see cref="NotificationConsumer"/> and its
    /// ports come from <c>AddCommerceWorkflows</c> and a storage adapter. A <see cref="TokenCredential"/> registered by the
    /// host is used instead of <see cref="DefaultAzureCredential"/>.
    /// </summary>
    public static IServiceCollection AddServiceBusMessaging(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<ServiceBusOptions>()
            .Bind(configuration.GetSection(ServiceBusOptions.Section))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ServiceBusOptions>, ServiceBusOptionsValidation>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ => ServiceBusNames.Load());
        services.TryAddSingleton(provider => CreateClient(provider.GetRequiredService<IOptions<ServiceBusOptions>>().Value, provider.GetService<TokenCredential>()));

        services.TryAddSingleton<ServiceBusOrderEventPublisher>();
        services.Replace(ServiceDescriptor.Singleton<IOrderEventPublisher>(provider => provider.GetRequiredService<ServiceBusOrderEventPublisher>()));
        services.TryAddSingleton<NotificationMessageHandler>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, NotificationProcessorHost>());
        return services.AddServiceBusHealthCheck();
    }

    /// <summary>
    /// The <c>serviceBus</c> check of <c>GET /api/health</c>: the registered <see cref="ServiceBusClient"/> opens a send
    /// link to the order-events topic. <see cref="AddServiceBusMessaging"/> adds it.
    /// </summary>
    public static IServiceCollection AddServiceBusHealthCheck(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(_ => ServiceBusNames.Load());
        services.TryAddSingleton<ServiceBusHealthCheck>();
        services.AddHealthChecks().AddCheck<ServiceBusHealthCheck>(HealthCheckName);
        return services;
    }

    /// <summary>A client for the configured namespace, with the retry policy of <see cref="ServiceBusOptions.Retry"/>.</summary>
    public static ServiceBusClient CreateClient(ServiceBusOptions options, TokenCredential? credential = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var clientOptions = new ServiceBusClientOptions
        {
            TransportType = ServiceBusTransportType.AmqpTcp,
            RetryOptions = options.Retry.ToRetryOptions(),
        };

        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
            return new ServiceBusClient(options.ConnectionString, clientOptions);

        credential ??= new DefaultAzureCredential(new DefaultAzureCredentialOptions
        {
            ManagedIdentityClientId = string.IsNullOrWhiteSpace(options.ClientId) ? null : options.ClientId,
        });
        return new ServiceBusClient(options.FullyQualifiedNamespace, credential, clientOptions);
    }
}
