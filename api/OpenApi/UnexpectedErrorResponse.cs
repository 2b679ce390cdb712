using AsyncCommerce.Api.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace AsyncCommerce.Api.OpenApi;

/// <summary>
/// Any route can fail with a 500 problem when something unexpected breaks (a bug: the exception is logged and never
/// shown). Documented once for every operation, so a client is told its shape.
/// </summary>
internal sealed class UnexpectedErrorResponse : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        operation.Responses ??= [];
        operation.Responses["500"] = new OpenApiResponse
        {
            Description = "Something unexpected failed; quote the problem's traceId when you report it.",
            Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal)
            {
                [ProblemResponse.ContentType] = new() { Schema = new OpenApiSchemaReference("ProblemDetails", context.Document) },
            },
        };
        return Task.CompletedTask;
    }
}
