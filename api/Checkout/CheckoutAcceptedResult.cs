using System.Globalization;
using System.Reflection;
using AsyncCommerce.Api.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;

namespace AsyncCommerce.Api.Checkout;

/// <summary>The 202 of POST /api/checkouts, with the headers API.md promises: Location, Retry-After, and Idempotent-Replayed on a replay.</summary>
public sealed class CheckoutAcceptedResult : IResult, IStatusCodeHttpResult, IValueHttpResult, IValueHttpResult<CheckoutAccepted>, IEndpointMetadataProvider
{
    private readonly int _retryAfterSeconds;

    internal CheckoutAcceptedResult(CheckoutAccepted value, int retryAfterSeconds, bool replayed)
    {
        Value = value;
        _retryAfterSeconds = retryAfterSeconds;
        Replayed = replayed;
    }

    public CheckoutAccepted Value { get; }

    object? IValueHttpResult.Value => Value;

    public bool Replayed { get; }

    public int? StatusCode => StatusCodes.Status202Accepted;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.Headers.RetryAfter = _retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        if (Replayed)
            httpContext.Response.Headers[IdempotencyKey.ReplayedHeader] = "true";
        return TypedResults.Accepted(Value.StatusUrl, Value).ExecuteAsync(httpContext);
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        const int status = StatusCodes.Status202Accepted;
        builder.Metadata.Add(new ProducesResponseTypeMetadata(status, typeof(CheckoutAccepted), ["application/json"]));
        builder.Metadata.Add(new ResponseHeaderMetadata(status, "Location", "The order's status URL (GET it to follow the order)."));
        builder.Metadata.Add(new ResponseHeaderMetadata(status, "Retry-After", "Seconds to wait before the first status request.", "integer"));
        builder.Metadata.Add(new ResponseHeaderMetadata(
            status, IdempotencyKey.ReplayedHeader, "`true` when this answer repeats the one given to an earlier request with the same Idempotency-Key; no second order was placed.", Required: false));
    }
}
