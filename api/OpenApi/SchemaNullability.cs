using Microsoft.OpenApi;

namespace AsyncCommerce.Api.OpenApi;

/// <summary>
/// Takes <c>null</c> out of a member's schema. The generator writes a nullable simple type as <c>["null", T]</c>, and
/// marks a nullable object member with the <see cref="NullableObjectMarker"/> metadata that it later writes as
/// <c>oneOf [null, $ref]</c> (the name is Microsoft.AspNetCore.OpenApi's; the document tests fail if it changes).
/// </summary>
internal static class SchemaNullability
{
    private const string NullableObjectMarker = "x-is-nullable-property";

    public static IOpenApiSchema WithoutNull(IOpenApiSchema schema)
    {
        if (schema is not OpenApiSchema inline)
            return schema;
        inline.Metadata?.Remove(NullableObjectMarker);
        if (inline.OneOf is { Count: 2 } oneOf && oneOf.Count(IsNullOnly) == 1)
            return oneOf.Single(s => !IsNullOnly(s));
        if (inline.Type is { } type && type.HasFlag(JsonSchemaType.Null))
            inline.Type = type & ~JsonSchemaType.Null;
        return inline;
    }

    private static bool IsNullOnly(IOpenApiSchema schema) => schema is OpenApiSchema { Type: JsonSchemaType.Null };
}
