using AsyncCommerce.Adapters.Simulated;
using AsyncCommerce.Api;
using AsyncCommerce.Api.Authorization;
using AsyncCommerce.Functions.OpenApi;
using Azure.Core.Serialization;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AsyncCommerce.Functions;

public static class CommerceFunctionAppServiceCollectionExtensions
{
    /// <summary>
    /// Everything the function app shares with the local host, through the same extensions: workflow services and
    /// options, the HTTP handlers' services, the simulated payment gateway and notification sender (real gateways
    /// plug in behind the same ports later). The stores, the catalog and the message bus come from the storage profile
    /// (<see cref="AzureAdapters.AddCommerceStorage"/>), registered first.
    /// </summary>
    public static IServiceCollection AddCommerceFunctionApp(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddCommerceWorkflows(configuration);
        services.AddCommerceApi(configuration);
        services.AddSimulatedAdapters();
        services.AddSingleton<FunctionAppOpenApiDocument>();

        // Entra ID tokens, validated by JwtBearer from the same settings section the local host reads
        // (CommerceAccess.BearerSettings: Authority, ValidIssuer, ValidAudiences; infra/ sets them). The store and role
        // checks are the shared policies, run by BearerAuthorizationMiddleware.
        services.AddAuthentication(CommerceAccess.BearerScheme).AddJwtBearer();

        // AddAuthorization's policy cache (for endpoint metadata) asks for routing's EndpointDataSource, which a worker
        // without endpoint routing does not register: routing's services provide it (empty; nothing is routed by it).
        services.AddRouting();

        // Orchestration inputs, outputs and events are stored in the task hub's history and outlive deployments:
        // write them in the system's JSON shape (enums by name), not the worker's default, so that reordering an
        // enum can never change the meaning of a stored history.
        services.Configure<WorkerOptions>(worker => worker.Serializer = new JsonObjectSerializer(CommerceJsonDefaults.Options));
        return services;
    }
}
