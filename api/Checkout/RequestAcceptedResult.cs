using System.Reflection;
using AsyncCommerce.Api.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;

namespace AsyncCommerce.Api.Checkout;

/// <summary>The 202 of a change to an existing order, with Location: the order's status URL, where the outcome shows.</summary>
public sealed class RequestAcceptedResult : IResult, IStatusCodeHttpResult, IValueHttpResult, IValueHttpResult<RequestAccepted>, IEndpointMetadataProvider
{
    internal RequestAcceptedResult(string orderId)
    {
        var statusUrl = CommerceRoutes.CheckoutUrl(orderId);
        Value = new RequestAccepted(orderId, statusUrl);
    }

    public RequestAccepted Value { get; }

    object? IValueHttpResult.Value => Value;

    public int? StatusCode => StatusCodes.Status202Accepted;

    public Task ExecuteAsync(HttpContext httpContext) => TypedResults.Accepted(Value.StatusUrl, Value).ExecuteAsync(httpContext);

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status202Accepted, typeof(RequestAccepted), ["application/json"]));
        builder.Metadata.Add(new ResponseHeaderMetadata(StatusCodes.Status202Accepted, "Location", "The order's status URL, where the outcome of the change shows."));
    }
}
