using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AsyncCommerce.Api.Http;

/// <summary>RFC 9457 problem responses, one factory per status the contract uses.</summary>
public static class Problems
{
    public static ValidationProblem Validation(IReadOnlyDictionary<string, string[]> errors, string? detail = null) =>
        TypedResults.ValidationProblem(
            errors,
            detail ?? "The request has invalid fields; see errors.",
            type: "https://tools.ietf.org/html/rfc9110#section-15.5.1",
            title: "The request is invalid.");

    public static ValidationProblem Validation(string path, string message) =>
        Validation(new Dictionary<string, string[]>(StringComparer.Ordinal) { [path] = [message] });

    /// <summary>No bearer token, or one that is expired or not ours (<see cref="Authorization.AccessDenied"/>).</summary>
    public static ProblemHttpResult Unauthorized(string detail) =>
        Problem(StatusCodes.Status401Unauthorized, "Authentication is required.", detail, "https://tools.ietf.org/html/rfc9110#section-15.5.2");

    /// <summary>A valid token that does not allow this route: another store's, or without the role.</summary>
    public static ProblemHttpResult Forbidden(string detail) =>
        Problem(StatusCodes.Status403Forbidden, "The caller may not do this.", detail, "https://tools.ietf.org/html/rfc9110#section-15.5.4");

    public static NotFoundProblem NotFound(string detail) =>
        new(Problem(StatusCodes.Status404NotFound, "Not found.", detail, "https://tools.ietf.org/html/rfc9110#section-15.5.5"));

    public static ConflictProblem Conflict(string detail) =>
        new(Problem(StatusCodes.Status409Conflict, "The request conflicts with the current state.", detail, "https://tools.ietf.org/html/rfc9110#section-15.5.10"));

    public static UnprocessableProblem Unprocessable(string detail) =>
        new(Problem(StatusCodes.Status422UnprocessableEntity, "The request cannot be processed.", detail, "https://tools.ietf.org/html/rfc9110#section-15.5.21"));

    /// <summary>A conflict of some items of a bulk request, keyed by JSON path like validation errors.</summary>
    public static ConflictProblem Conflict(string detail, IReadOnlyDictionary<string, string[]> errors) =>
        new(TypedResults.Problem(
            detail,
            statusCode: StatusCodes.Status409Conflict,
            title: "The request conflicts with the current state.",
            type: "https://tools.ietf.org/html/rfc9110#section-15.5.10",
            extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["errors"] = errors }));

    public static ProblemHttpResult PayloadTooLarge(int maxBytes) =>
        Problem(StatusCodes.Status413PayloadTooLarge, "The request body is too large.", $"The body may be at most {maxBytes} bytes.", "https://tools.ietf.org/html/rfc9110#section-15.5.14");

    public static ProblemHttpResult UnsupportedMediaType() =>
        Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type.", "Send the body as application/json.", "https://tools.ietf.org/html/rfc9110#section-15.5.16");

    public const string UnexpectedDetail = "An unexpected error occurred. It has been logged; quote the traceId when you report it.";

    /// <summary>A bug: the exception is logged, never shown.</summary>
    public static ProblemHttpResult Unexpected() =>
        Problem(StatusCodes.Status500InternalServerError, "An error occurred while processing your request.", UnexpectedDetail, "https://tools.ietf.org/html/rfc9110#section-15.6.1");

    public static ProblemHttpResult Unavailable(string detail) =>
        Problem(StatusCodes.Status503ServiceUnavailable, "A dependency is unavailable.", detail, "https://tools.ietf.org/html/rfc9110#section-15.6.4");

    private static ProblemHttpResult Problem(int status, string title, string detail, string type) =>
        TypedResults.Problem(detail, statusCode: status, title: title, type: type);
}
