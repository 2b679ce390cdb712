using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;

namespace AsyncCommerce.Api.Http;

/// <summary>
/// The answer when a JSON body cannot be read (<see cref="JsonRequestBody"/>): 415 for another media type, 413 when
/// too large, 400 keyed by JSON path when malformed. Every route with a body can answer all three, so they travel
/// as one result type and each route's signature documents them.
/// </summary>
public sealed class BodyRejected : IResult, IStatusCodeHttpResult, IEndpointMetadataProvider
{
    private readonly IResult _problem;

    private BodyRejected(IResult problem, int statusCode)
    {
        _problem = problem;
        StatusCode = statusCode;
    }

    public int? StatusCode { get; }

    public static BodyRejected UnsupportedMediaType() => new(Problems.UnsupportedMediaType(), StatusCodes.Status415UnsupportedMediaType);

    public static BodyRejected TooLarge(int maxBytes) => new(Problems.PayloadTooLarge(maxBytes), StatusCodes.Status413PayloadTooLarge);

    public static BodyRejected Malformed(string path, string message) => new(Problems.Validation(path, message), StatusCodes.Status400BadRequest);

    public Task ExecuteAsync(HttpContext httpContext) => _problem.ExecuteAsync(httpContext);

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status400BadRequest, typeof(HttpValidationProblemDetails), [ProblemResponse.ContentType]));
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status413PayloadTooLarge, typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), [ProblemResponse.ContentType]));
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status415UnsupportedMediaType, typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), [ProblemResponse.ContentType]));
    }
}
