using System.ComponentModel.DataAnnotations;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace AsyncCommerce.Api.OpenApi;

/// <summary>
/// Says which members are required and which may be null, as the wire really has them. The generator lists every
/// constructor parameter as required and keeps every nullable annotation, which made a pickup order without an
/// address invalid and every request field nullable. Here:
/// <list type="bullet">
/// <item>a request member (<see cref="RequestTypes"/>) is required when it is marked <see cref="RequiredAttribute"/>,
/// and then never null; the others are optional;</item>
/// <item>a response member is required unless it is left out when null, and such a member is never null when present.</item>
/// </list>
/// </summary>
internal sealed class ContractPresence(RequestTypes requestTypes) : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(context);
        if (context.JsonTypeInfo.Kind != JsonTypeInfoKind.Object || schema.Properties is null)
            return Task.CompletedTask;

        var isRequest = requestTypes.Contains(context.JsonTypeInfo.Type);
        schema.Required ??= new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in context.JsonTypeInfo.Properties)
        {
            if (!schema.Properties.TryGetValue(property.Name, out var member))
                continue;
            var required = isRequest ? Attribute<RequiredAttribute>(property) is not null : !IsLeftOutWhenNull(property);
            var neverNull = isRequest ? required : IsLeftOutWhenNull(property);
            if (required)
                schema.Required.Add(property.Name);
            else
                schema.Required.Remove(property.Name);
            if (neverNull)
                member = schema.Properties[property.Name] = SchemaNullability.WithoutNull(member);
            if (Attribute<AllowedValuesAttribute>(property) is { } allowed && member is OpenApiSchema inline)
                inline.Enum = [.. allowed.Values.OfType<string>().Select(v => (JsonNode)JsonValue.Create(v))];
        }

        return Task.CompletedTask;
    }

    private static bool IsLeftOutWhenNull(JsonPropertyInfo property) =>
        Attribute<JsonIgnoreAttribute>(property)?.Condition == JsonIgnoreCondition.WhenWritingNull;

    private static T? Attribute<T>(JsonPropertyInfo property)
        where T : Attribute =>
        property.AttributeProvider?.GetCustomAttributes(typeof(T), inherit: true).OfType<T>().FirstOrDefault();
}
