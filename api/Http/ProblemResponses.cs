using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace AsyncCommerce.Api.Http;

/// <summary>
/// A problem+json response whose status is part of its type. <see cref="ProblemHttpResult"/> carries its status
/// only at run time, so a handler returning it documents nothing; a handler returning <c>Results&lt;…, ConflictProblem&gt;</c>
/// documents its 409 from its signature.
/// </summary>
public abstract class ProblemResponse : IResult, IStatusCodeHttpResult, IValueHttpResult, IValueHttpResult<ProblemDetails>
{
    public const string ContentType = "application/problem+json";

    private readonly ProblemHttpResult _problem;

    private protected ProblemResponse(ProblemHttpResult problem) => _problem = problem;

    public ProblemDetails Value => _problem.ProblemDetails;

    object? IValueHttpResult.Value => Value;

    public int? StatusCode => _problem.StatusCode;

    public Task ExecuteAsync(HttpContext httpContext) => _problem.ExecuteAsync(httpContext);

    private protected static void Describe(EndpointBuilder builder, int statusCode)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Metadata.Add(new ProducesResponseTypeMetadata(statusCode, typeof(ProblemDetails), [ContentType]));
    }
}

public sealed class NotFoundProblem : ProblemResponse, IEndpointMetadataProvider
{
    internal NotFoundProblem(ProblemHttpResult problem)
        : base(problem)
    {
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Describe(builder, StatusCodes.Status404NotFound);
}

public sealed class ConflictProblem : ProblemResponse, IEndpointMetadataProvider
{
    internal ConflictProblem(ProblemHttpResult problem)
        : base(problem)
    {
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Describe(builder, StatusCodes.Status409Conflict);
}

public sealed class UnprocessableProblem : ProblemResponse, IEndpointMetadataProvider
{
    internal UnprocessableProblem(ProblemHttpResult problem)
        : base(problem)
    {
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Describe(builder, StatusCodes.Status422UnprocessableEntity);
}
