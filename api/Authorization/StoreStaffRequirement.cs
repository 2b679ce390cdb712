using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AsyncCommerce.Api.Authorization;

/// <summary>
/// The caller works for the store the route acts for: one of the token's <see cref="CommerceAccess.StoreClaim"/> values is
/// the route's <c>{storeId}</c>. Comparing the path with the order's store is not enough on its own: any holder of a
/// staff key could name any store in the path.
/// </summary>
public sealed class StoreStaffRequirement : AuthorizationHandler<StoreStaffRequirement>, IAuthorizationRequirement
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, StoreStaffRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(context);

        // The authorization middleware passes the request; the Functions app does the same (BearerAuthorization).
        var storeId = (context.Resource as HttpContext)?.GetRouteValue(CommerceRoutes.StoreIdParameter) as string;
        if (string.IsNullOrEmpty(storeId))
        {
            context.Fail(new AuthorizationFailureReason(this, "The route names no store."));
            return Task.CompletedTask;
        }

        if (context.User.FindAll(CommerceAccess.StoreClaim).Any(claim => string.Equals(claim.Value, storeId, StringComparison.Ordinal)))
            context.Succeed(requirement);
        else
            context.Fail(new AuthorizationFailureReason(this, $"The token's '{CommerceAccess.StoreClaim}' claim does not name store '{storeId}'."));
        return Task.CompletedTask;
    }
}
