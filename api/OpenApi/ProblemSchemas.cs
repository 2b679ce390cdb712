using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace AsyncCommerce.Api.OpenApi;

/// <summary>
/// Every problem this API sends has <c>type</c>, <c>title</c>, <c>status</c> and <c>detail</c> (API.md), including the
/// ones the framework writes (ProblemDetailsDefaults fills the detail); the ProblemDetails class leaves them optional.
/// </summary>
internal sealed class ProblemSchemas : IOpenApiSchemaTransformer
{
    private static readonly string[] AlwaysSent = ["type", "title", "status", "detail"];

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(context);
        var type = context.JsonTypeInfo.Type;
        if (type != typeof(ProblemDetails) && type != typeof(HttpValidationProblemDetails))
            return Task.CompletedTask;

        schema.Required ??= new HashSet<string>(StringComparer.Ordinal);
        foreach (var member in AlwaysSent)
            schema.Required.Add(member);
        return Task.CompletedTask;
    }
}
