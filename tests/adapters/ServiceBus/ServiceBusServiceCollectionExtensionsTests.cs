using AsyncCommerce.Adapters.InMemory;
using AsyncCommerce.Adapters.ServiceBus.Notifications;
using AsyncCommerce.Adapters.ServiceBus.Tests.Support;
using AsyncCommerce.Notifications;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AsyncCommerce.Adapters.ServiceBus.Tests;

public sealed class ServiceBusServiceCollectionExtensionsTests
{
    [Fact]
    public async Task AddServiceBusMessaging_AfterTheInMemoryAdapters_PublishesOrderEventsOnServiceBus()
    {
        await using var provider = Provider(("ServiceBus:FullyQualifiedNamespace", "commerce-abc123.servicebus.windows.net"));

        Assert.IsType<ServiceBusOrderEventPublisher>(provider.GetRequiredService<IOrderEventPublisher>());
    }

    [Fact]
    public async Task AddServiceBusMessaging_WithANamespace_RunsTheNotificationProcessorHost()
    {
        await using var provider = Provider(("ServiceBus:FullyQualifiedNamespace", "commerce-abc123.servicebus.windows.net"));

        Assert.Contains(provider.GetServices<IHostedService>(), service => service is NotificationProcessorHost);
    }

    [Fact]
    public async Task AddServiceBusMessaging_FromEnvironmentStyleKeys_BindsTheNamespace()
    {
        // Configuration keys are case-insensitive: ServiceBus__fullyQualifiedNamespace becomes ServiceBus:fullyQualifiedNamespace.
        await using var provider = Provider(("ServiceBus:fullyQualifiedNamespace", "commerce-abc123.servicebus.windows.net"));

        Assert.Equal("commerce-abc123.servicebus.windows.net", provider.GetRequiredService<IOptions<ServiceBusOptions>>().Value.FullyQualifiedNamespace);
    }

    [Fact]
    public async Task AddServiceBusMessaging_WithoutANamespace_FailsValidationNamingTheSetting()
    {
        await using var provider = Provider();

        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ServiceBusOptions>>().Value);

        Assert.Contains("ServiceBus:FullyQualifiedNamespace", failure.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Provider(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(setting => new KeyValuePair<string, string?>(setting.Key, setting.Value)))
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddSingleton<INotificationSender>(new RecordingNotificationSender());
        services.AddCommerceWorkflows(configuration).AddInMemoryAdapters().AddServiceBusMessaging(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
