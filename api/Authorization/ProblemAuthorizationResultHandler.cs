using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;

namespace AsyncCommerce.Api.Authorization;

/// <summary>The authorization middleware's refusals as problem+json (its default answers with an empty 401 or 403).</summary>
internal sealed class ProblemAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(next);
        ArgumentNullException.ThrowIfNull(authorizeResult);
        return authorizeResult.Succeeded ? next(context) : AccessDenied.WriteAsync(context, policy, authorizeResult);
    }
}
