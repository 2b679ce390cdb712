using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;

namespace AsyncCommerce.Api.Health;

/// <summary>503 with the health report: which dependency did not answer. A report, not a problem: monitors read its checks.</summary>
public sealed class UnhealthyResult(HealthReport report) : IResult, IStatusCodeHttpResult, IValueHttpResult, IValueHttpResult<HealthReport>, IEndpointMetadataProvider
{
    public HealthReport Value { get; } = report;

    object? IValueHttpResult.Value => Value;

    public int? StatusCode => StatusCodes.Status503ServiceUnavailable;

    public Task ExecuteAsync(HttpContext httpContext) =>
        TypedResults.Json(Value, statusCode: StatusCodes.Status503ServiceUnavailable).ExecuteAsync(httpContext);

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status503ServiceUnavailable, typeof(HealthReport), ["application/json"]));
    }
}
