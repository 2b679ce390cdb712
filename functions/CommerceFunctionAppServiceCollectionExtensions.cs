using AsyncCommerce.Adapters.Simulated;
using AsyncCommerce.Api;
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
        services.AddSimulatedAdapters(configuration);
        services.AddSingleton<FunctionAppOpenApiDocument>();

        // Orchestration inputs, outputs and events are stored in the task hub's history and outlive deployments:
        // write them in the system's JSON shape (enums by name), not the worker's default, so that reordering an
        // enum can never change the meaning of a stored history.
        services.Configure<WorkerOptions>(worker => worker.Serializer = new JsonObjectSerializer(CommerceJsonDefaults.Options));
        return services;
    }
}
