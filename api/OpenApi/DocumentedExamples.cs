using System.Text.Json.Nodes;
using AsyncCommerce.Api.Checkout;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace AsyncCommerce.Api.OpenApi;

/// <summary>Adds the request bodies a route declares (<see cref="RequestExample"/>) and seed-data values for its parameters.</summary>
internal sealed class DocumentedExamples : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>())
        {
            if (parameter.Name is { } name && ExampleFor(name) is { } value)
                parameter.Example = JsonValue.Create(value);
        }

        var examples = context.Description.ActionDescriptor.EndpointMetadata.OfType<RequestExample>().ToList();
        if (examples.Count == 0 || operation.RequestBody?.Content is not { } content)
            return Task.CompletedTask;
        foreach (var mediaType in content.Values)
        {
            mediaType.Examples = examples.ToDictionary(
                e => e.Name,
                e => (IOpenApiExample)new OpenApiExample { Summary = e.Summary, Value = JsonNode.Parse(e.Json) },
                StringComparer.Ordinal);
        }

        return Task.CompletedTask;
    }

    private static string? ExampleFor(string parameter) =>
        parameter == IdempotencyKey.Header ? ContractExamples.IdempotencyKey : ContractExamples.PathValues.GetValueOrDefault(parameter);
}
