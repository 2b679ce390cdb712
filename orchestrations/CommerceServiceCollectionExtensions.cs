using AsyncCommerce.Checkout;
using AsyncCommerce.Notifications;
using AsyncCommerce.Orders;
using AsyncCommerce.Payments;
using AsyncCommerce.Pickup;
using AsyncCommerce.Privacy;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AsyncCommerce;

public static class CommerceServiceCollectionExtensions
{
    /// <summary>
    /// The workflow services every host needs (options validated at start, the event recorder, the
    /// notification consumer). The ports themselves come from an adapter package.
    /// </summary>
    public static IServiceCollection AddCommerceWorkflows(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<PaymentOptions>()
            .Bind(configuration.GetSection(PaymentOptions.Section))
            .ValidateOnStart();
        services.AddOptions<PickupOptions>()
            .Bind(configuration.GetSection(PickupOptions.Section))
            .ValidateOnStart();
        services.AddOptions<WorkflowOptions>()
            .Bind(configuration.GetSection(WorkflowOptions.Section))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<WorkflowOptions>>(new DescribedValidation<WorkflowOptions>(o => o.Validate()));
        services.AddSingleton<IValidateOptions<PaymentOptions>>(new DescribedValidation<PaymentOptions>(o => o.Validate()));
        services.AddSingleton<IValidateOptions<PickupOptions>>(new DescribedValidation<PickupOptions>(o => o.Validate()));
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<OrderViewChanges>();
        services.AddSingleton<OrderEventRecorder>();
        services.AddSingleton<NotificationConsumer>();
        services.AddSingleton<PersonalDataProtection>();
        services.AddSingleton<PersonalDataErasure>();
        return services;
    }

    /// <summary>
    /// Publishes appended order events from the streams' outbox (<see cref="IOrderEventOutbox"/>) to the message
    /// bus, for hosts whose event store is an outbox (in memory, Azure Tables). Where the store has a change feed
    /// of its own (Cosmos DB), that feed publishes instead and this is not registered.
    /// </summary>
    public static IServiceCollection AddOrderEventDispatcher(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<OutboxOptions>()
            .Bind(configuration.GetSection(OutboxOptions.Section))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<OutboxOptions>>(new DescribedValidation<OutboxOptions>(o => o.Validate()));
        services.AddSingleton<OrderEventDispatcher>();
        services.AddHostedService(provider => provider.GetRequiredService<OrderEventDispatcher>());
        return services;
    }

    private sealed class DescribedValidation<TOptions>(Func<TOptions, IEnumerable<string>> validate) : IValidateOptions<TOptions>
        where TOptions : class
    {
        public ValidateOptionsResult Validate(string? name, TOptions options)
        {
            var failures = validate(options).ToList();
            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }
    }
}
