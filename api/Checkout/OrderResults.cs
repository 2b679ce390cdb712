using System.Reflection;
using AsyncCommerce.Api.Http;
using AsyncCommerce.Orders;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;

namespace AsyncCommerce.Api.Checkout;

/// <summary>200 with the order's read model and its <c>ETag</c>.</summary>
public sealed class OrderResult(OrderView order) : IResult, IStatusCodeHttpResult, IValueHttpResult, IValueHttpResult<OrderView>, IEndpointMetadataProvider
{
    public OrderView Value { get; } = order;

    object? IValueHttpResult.Value => Value;

    public int? StatusCode => StatusCodes.Status200OK;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.Headers.ETag = OrderETag.Format(Value.Version);
        return TypedResults.Ok(Value).ExecuteAsync(httpContext);
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(OrderView), ["application/json"]));
        builder.Metadata.Add(new ResponseHeaderMetadata(StatusCodes.Status200OK, OrderETag.Header, "The order's version; send it back in If-None-Match."));
    }
}

/// <summary>304: the order is still at the version the client named in <c>If-None-Match</c> (after its <c>Prefer: wait</c>, if any).</summary>
public sealed class OrderNotModified(int version) : IResult, IStatusCodeHttpResult, IEndpointMetadataProvider
{
    public int Version { get; } = version;

    public int? StatusCode => StatusCodes.Status304NotModified;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.Headers.ETag = OrderETag.Format(Version);
        httpContext.Response.StatusCode = StatusCodes.Status304NotModified;
        return Task.CompletedTask;
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status304NotModified, typeof(void), []));
        builder.Metadata.Add(new ResponseHeaderMetadata(StatusCodes.Status304NotModified, OrderETag.Header, "The order's version, unchanged."));
    }
}
