using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;

namespace AsyncCommerce.Api.OpenApi;

public static class CommerceOpenApiServiceCollectionExtensions
{
    /// <summary>
    /// The OpenAPI document of the HTTP contract, shaped so that it describes the API exactly; every host serves it.
    /// <paramref name="configure"/> adds what only one host has (the Functions app's key scheme).
    /// </summary>
    public static IServiceCollection AddCommerceOpenApi(this IServiceCollection services, Action<OpenApiOptions>? configure = null)
    {
        services.AddSingleton<RequestTypes>();
        services.AddOpenApi(CommerceOpenApi.DocumentName, options =>
        {
            options.AddDocumentTransformer<ContractInfo>();
            options.AddSchemaTransformer<StringEnums>();
            options.AddSchemaTransformer<ContractPresence>();
            options.AddSchemaTransformer<ProblemSchemas>();
            options.AddDocumentTransformer<FulfillmentUnion>();
            options.AddOperationTransformer<DeclaredResponseHeaders>();
            options.AddOperationTransformer<UnexpectedErrorResponse>();
            options.AddOperationTransformer<DocumentedExamples>();
            options.AddDocumentTransformer<BearerSecurity>();
            configure?.Invoke(options);
        });
        return services;
    }
}
