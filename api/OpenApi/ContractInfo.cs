using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace AsyncCommerce.Api.OpenApi;

/// <summary>The document's title, description and version: what a storefront developer reads first.</summary>
internal sealed class ContractInfo : IOpenApiDocumentTransformer
{
    public const string Title = "AsyncCommerce API";
    public const string Version = "1.0.0";

    private const string Description =
        "Asynchronous checkout for storefronts and store staff. `POST /api/checkouts` answers `202 Accepted` in milliseconds; "
        + "stock, payment (with fallback to the customer's next method) and pickup steps run in the background. Follow an order at "
        + "its `Location` with `GET /api/checkouts/{orderId}`: send `If-None-Match` with its last `ETag` and `Prefer: wait=20` to be "
        + "answered as soon as it changes. Errors are `application/problem+json` (RFC 9457); validation errors are keyed by JSON path.";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Info = new OpenApiInfo { Title = Title, Version = Version, Description = Description };
        return Task.CompletedTask;
    }
}
