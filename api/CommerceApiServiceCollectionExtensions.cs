using AsyncCommerce.Api.Authorization;
using AsyncCommerce.Api.Checkout;
using AsyncCommerce.Api.Health;
using AsyncCommerce.Api.Http;
using AsyncCommerce.Api.Workflows;
using AsyncCommerce.Checkout;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AsyncCommerce.Api;

public static class CommerceApiServiceCollectionExtensions
{
    /// <summary>
    /// The HTTP handlers' services, the API's JSON settings, the staff and administration routes' authorization policies, the health route's probe with the catalog's check (each
    /// adapter adds the check of the dependency it reaches) and the workflow history retention
    /// (<see cref="WorkflowHistoryRetention"/>, which the host runs on its own schedule); shared by every host.
    /// </summary>
    public static IServiceCollection AddCommerceApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CheckoutOptions>()
            .Bind(configuration.GetSection(CheckoutOptions.Section))
            .ValidateOnStart();
        services.AddOptions<HealthOptions>()
            .Bind(configuration.GetSection(HealthOptions.Section))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CheckoutOptions>, CheckoutOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<HealthOptions>, HealthOptionsValidator>());
        services.AddHealthChecks().AddCheck<CatalogHealthCheck>(CommerceHealthChecks.Catalog);
        services.TryAddSingleton<HealthProbe>();
        services.AddSingleton<CheckoutValidator>();
        services.AddSingleton<CheckoutSagaInputs>();
        services.AddSingleton<CheckoutAcceptance>();
        services.AddSingleton<OrderChangeWait>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<WorkflowHistoryRetention>();
        services.Configure<JsonOptions>(options => CommerceJsonDefaults.Apply(options.SerializerOptions));
        services.AddCommerceAuthorization(configuration);
        services.AddProblemDetails(problems => problems.CustomizeProblemDetails = ProblemDetailsDefaults.FillDetail);
        return services;
    }
}
