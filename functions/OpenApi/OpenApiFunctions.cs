using AsyncCommerce.Api.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace AsyncCommerce.Functions.OpenApi;

/// <summary>
/// GET /api/openapi/v1.json: the contract a storefront generates its client from. Anonymous, like the document the
/// local host serves: it describes the routes and their keys, and opens none of them.
/// </summary>
public sealed class OpenApiFunctions(FunctionAppOpenApiDocument document)
{
    [Function(nameof(GetOpenApiDocument))]
    public async Task<IResult> GetOpenApiDocument(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = CommerceOpenApi.Route)] HttpRequest request) =>
        TypedResults.Text(await document.GetJsonAsync(), "application/json");
}
