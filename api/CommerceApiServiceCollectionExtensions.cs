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
            .Validate(o => o.IdempotencyRetention >= TimeSpan.FromHours(24), $"{CheckoutOptions.Section}:IdempotencyRetention must be at least 24 hours (the contract promises it).")
            .Validate(o => o.AcceptanceLease > TimeSpan.Zero && o.DuplicateWait >= TimeSpan.Zero, $"{CheckoutOptions.Section}: AcceptanceLease must be positive and DuplicateWait not negative.")
            .Validate(o => o.RetryAfterSeconds >= 0, $"{CheckoutOptions.Section}:RetryAfterSeconds must not be negative.")
            .Validate(o => o.StatusWaitRecheckInterval >= TimeSpan.Zero, $"{CheckoutOptions.Section}:StatusWaitRecheckInterval must not be negative (zero: never re-read).")
            .ValidateOnStart();
        services.AddOptions<HealthOptions>()
            .Bind(configuration.GetSection(HealthOptions.Section))
            .Validate(o => o.CheckTimeout > TimeSpan.Zero && o.CheckTimeout <= TimeSpan.FromSeconds(30), $"{HealthOptions.Section}:CheckTimeout must be more than zero and at most 30 seconds.")
            .ValidateOnStart();
        services.AddHealthChecks().AddCheck<CatalogHealthCheck>(CommerceHealthChecks.Catalog);
        services.TryAddSingleton<HealthProbe>();
        services.AddSingleton<CheckoutValidator>();
        services.AddSingleton<CheckoutAcceptance>();
        services.AddSingleton<OrderChangeWait>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<WorkflowHistoryRetention>();
        services.Configure<JsonOptions>(options => CommerceJson.Configure(options.SerializerOptions));
        services.AddCommerceAuthorization(configuration);
        services.AddProblemDetails(problems => problems.CustomizeProblemDetails = ProblemDetailsDefaults.FillDetail);
        return services;
    }
}
