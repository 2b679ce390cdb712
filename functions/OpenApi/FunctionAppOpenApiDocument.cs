using AsyncCommerce.Api;
using AsyncCommerce.Api.OpenApi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;

namespace AsyncCommerce.Functions.OpenApi;

/// <summary>
/// The OpenAPI document of the Functions app: the very document the local host serves, plus the function-key scheme.
/// The worker has no endpoint routing to describe, so the document is built once from a web application that is
/// never started, with the same route declarations (<see cref="CommerceApiEndpointRouteBuilderExtensions.MapCommerceApi"/>)
/// and the same transformers.
/// </summary>
public sealed class FunctionAppOpenApiDocument
{
    private readonly Lazy<Task<string>> _json = new(BuildAsync);

    public Task<string> GetJsonAsync() => _json.Value;

    private static async Task<string> BuildAsync()
    {
        // Slim: routing and a server the document service asks for its addresses; the server is never started.
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddCommerceApi(new ConfigurationBuilder().Build());
        builder.Services.AddCommerceOpenApi(options => options.AddDocumentTransformer<FunctionKeySecurity>());
        await using var app = builder.Build();
        app.MapCommerceApi();

        // A started host hands the mapped routes to routing's data source (which the document is described from) when
        // it builds its pipeline; this one is never started, so UseEndpoints does it.
        app.UseRouting();
        app.UseEndpoints(_ => { });

        var document = await app.Services.GetRequiredKeyedService<IOpenApiDocumentProvider>(CommerceOpenApi.DocumentName).GetOpenApiDocumentAsync();
        using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        document.SerializeAsV31(new OpenApiJsonWriter(text));
        return text.ToString();
    }
}
