using AsyncCommerce.Api;
using AsyncCommerce.Api.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace AsyncCommerce.Functions.Http;

/// <summary>
/// The bearer token of the store staff and administration functions (<see cref="CommerceAccess.PolicyFor"/>), on top of
/// their function key: the worker has no ASP.NET Core authorization middleware, so this runs the same policies through
/// the same evaluator and answers the same problem+json 401 and 403 as the local host, before the function runs.
/// </summary>
internal sealed class BearerAuthorizationMiddleware(IAuthorizationPolicyProvider policies, IPolicyEvaluator evaluator) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var route = CommerceRoutes.All.SingleOrDefault(r => r.Name == context.FunctionDefinition.Name);
        if (route is null || CommerceAccess.PolicyFor(route.Audience) is not { } policyName || context.GetHttpContext() is not { } http)
        {
            await next(context);
            return;
        }

        var policy = await policies.GetPolicyAsync(policyName) ?? throw new InvalidOperationException($"No authorization policy named {policyName}.");

        // The store requirement reads the route's {storeId}; here the trigger's binding data holds it, not routing.
        if (context.BindingContext.BindingData.TryGetValue(CommerceRoutes.StoreIdParameter, out var storeId) && storeId is string store)
            http.Request.RouteValues[CommerceRoutes.StoreIdParameter] = store;

        var authenticated = await evaluator.AuthenticateAsync(policy, http);
        var authorized = await evaluator.AuthorizeAsync(policy, authenticated, http, http);
        if (authorized.Succeeded)
        {
            await next(context);
            return;
        }

        await AccessDenied.WriteAsync(http, policy, authorized);
    }
}
