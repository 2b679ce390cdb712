using AsyncCommerce.Api.Http;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.Tokens;

namespace AsyncCommerce.Api.Authorization;

/// <summary>
/// The 401 and 403 of a guarded route, as problem+json like every other error of the API. Written here, once, for the
/// local host's authorization middleware (<see cref="ProblemAuthorizationResultHandler"/>) and the Functions app's
/// worker middleware alike.
/// </summary>
public static class AccessDenied
{
    public static async Task WriteAsync(HttpContext http, AuthorizationPolicy policy, PolicyAuthorizationResult result)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(result);
        if (result.Challenged)
        {
            // The scheme's challenge adds WWW-Authenticate (RFC 6750: error="invalid_token" and why); the body says it too.
            foreach (var scheme in policy.AuthenticationSchemes)
                await http.ChallengeAsync(scheme);
            await Problems.Unauthorized(await ChallengeDetailAsync(http, policy)).ExecuteAsync(http);
            return;
        }

        await Problems.Forbidden(ForbiddenDetail(result.AuthorizationFailure)).ExecuteAsync(http);
    }

    private static async Task<string> ChallengeDetailAsync(HttpContext http, AuthorizationPolicy policy)
    {
        // The handler remembers its result for the request, so this reads what the policy evaluator already saw.
        foreach (var scheme in policy.AuthenticationSchemes)
        {
            var authenticated = await http.AuthenticateAsync(scheme);
            if (authenticated.Failure is SecurityTokenExpiredException)
                return "The bearer token has expired; get a new one.";
            if (authenticated.Failure is not null)
                return "The bearer token is not valid here (its signature, issuer or audience was not accepted).";
        }

        return "This route needs a bearer token: send Authorization: Bearer <token>.";
    }

    private static string ForbiddenDetail(AuthorizationFailure? failure)
    {
        var reasons = failure?.FailureReasons.Select(r => r.Message).ToList() ?? [];
        var roles = failure?.FailedRequirements.OfType<RolesAuthorizationRequirement>().SelectMany(r => r.AllowedRoles).ToList() ?? [];
        if (roles.Count > 0)
            reasons.Add($"The token does not have the role {string.Join(" or ", roles)}.");
        return reasons.Count > 0 ? string.Join(" ", reasons) : "The token does not allow this route.";
    }
}
