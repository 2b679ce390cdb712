using Microsoft.AspNetCore.Http;

namespace AsyncCommerce.Api.Http;

/// <summary>
/// Gives the problems the framework writes by itself (no route, wrong media type caught by routing, an
/// unexpected exception) the <c>detail</c> every problem of this API carries.
/// </summary>
public static class ProblemDetailsDefaults
{
    public static void FillDetail(ProblemDetailsContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var problem = context.ProblemDetails;
        if (!string.IsNullOrEmpty(problem.Detail))
            return;

        var request = context.HttpContext.Request;
        problem.Detail = problem.Status switch
        {
            StatusCodes.Status404NotFound => $"No route matches {request.Method} {request.Path}.",
            StatusCodes.Status405MethodNotAllowed => $"{request.Method} is not allowed on {request.Path}.",
            StatusCodes.Status415UnsupportedMediaType => "Send the body as application/json.",
            StatusCodes.Status500InternalServerError => Problems.UnexpectedDetail,
            _ => problem.Title,
        };
    }
}
