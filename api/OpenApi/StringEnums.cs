using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace AsyncCommerce.Api.OpenApi;

/// <summary>
/// Enums are strings on the wire. The generator leaves their schema untyped, and once an enum is met through a
/// nullable member it lists <c>null</c> among the values, so <c>oneOf [null, StatusReason]</c> matched a null
/// reason twice and failed "exactly one". Nullability belongs to the member, not to the enum.
/// </summary>
internal sealed class StringEnums : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(context);
        var type = context.JsonTypeInfo.Type;
        if (!(Nullable.GetUnderlyingType(type) ?? type).IsEnum || schema.Enum is null)
            return Task.CompletedTask;

        schema.Enum = [.. schema.Enum.Where(value => value is not null)];
        schema.Type = JsonSchemaType.String;
        return Task.CompletedTask;
    }
}
