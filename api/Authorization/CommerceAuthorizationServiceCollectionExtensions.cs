using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AsyncCommerce.Api.Authorization;

public static class CommerceAuthorizationServiceCollectionExtensions
{
    /// <summary>
    /// The policies of the staff and administration routes and their problem+json refusals, shared by both hosts. Each
    /// host adds the bearer scheme itself (<see cref="CommerceAccess.BearerScheme"/>): the local host validates
    /// <c>dotnet user-jwts</c> tokens, the Functions app Entra ID tokens.
    /// </summary>
    public static IServiceCollection AddCommerceAuthorization(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CommerceAuthorizationOptions>().Bind(configuration.GetSection(CommerceAuthorizationOptions.Section)).ValidateOnStart();
        services.AddAuthorization();
        services.AddSingleton<IConfigureOptions<AuthorizationOptions>, CommercePolicies>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ProblemAuthorizationResultHandler>();
        return services;
    }
}
