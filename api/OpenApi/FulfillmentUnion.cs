using System.Text.Json;
using System.Text.Json.Nodes;
using AsyncCommerce.Orders;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace AsyncCommerce.Api.OpenApi;

/// <summary>
/// A fulfillment is a pickup (with <c>storeId</c>) or a delivery (with <c>address</c>), told apart by <c>type</c>. The
/// records carry both members for both kinds, so the generated schema allowed neither to be required; the document
/// describes the union instead, for the request (<c>FulfillmentRequest</c>) and the read model (<c>Fulfillment</c>).
/// </summary>
internal sealed class FulfillmentUnion : IOpenApiDocumentTransformer
{
    private const string Discriminator = "type";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.Components?.Schemas is not { } schemas)
            return Task.CompletedTask;

        Split(document, schemas, "Fulfillment", "PickupFulfillment", "DeliveryFulfillment");
        Split(document, schemas, "FulfillmentRequest", "PickupFulfillmentRequest", "DeliveryFulfillmentRequest");
        return Task.CompletedTask;
    }

    private static void Split(OpenApiDocument document, IDictionary<string, IOpenApiSchema> schemas, string name, string pickupName, string deliveryName)
    {
        if (!schemas.TryGetValue(name, out var found) || found is not OpenApiSchema { Properties: { } members })
            return;

        schemas[pickupName] = Variant(FulfillmentType.Pickup, members, nameof(Fulfillment.StoreId));
        schemas[deliveryName] = Variant(FulfillmentType.Delivery, members, nameof(Fulfillment.Address));
        schemas[name] = new OpenApiSchema
        {
            Description = "A pickup at a store (`storeId`) or a delivery (`address`), told apart by `type`.",
            OneOf = [new OpenApiSchemaReference(pickupName, document), new OpenApiSchemaReference(deliveryName, document)],
            Discriminator = new OpenApiDiscriminator
            {
                PropertyName = Discriminator,
                Mapping = new Dictionary<string, OpenApiSchemaReference>(StringComparer.Ordinal)
                {
                    [WireName(FulfillmentType.Pickup)] = new(pickupName, document),
                    [WireName(FulfillmentType.Delivery)] = new(deliveryName, document),
                },
            },
        };
    }

    private static OpenApiSchema Variant(FulfillmentType type, IDictionary<string, IOpenApiSchema> members, string member)
    {
        var memberName = JsonNamingPolicy.CamelCase.ConvertName(member);
        return new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Required = new HashSet<string>(StringComparer.Ordinal) { Discriminator, memberName },
            Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
            {
                [Discriminator] = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [JsonValue.Create(WireName(type))] },
                [memberName] = SchemaNullability.WithoutNull(members[memberName]),
            },
        };
    }

    private static string WireName(FulfillmentType type) => JsonSerializer.SerializeToNode(type, CommerceJsonDefaults.Options)!.GetValue<string>();
}
