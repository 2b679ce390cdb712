using AsyncCommerce.Api;

namespace AsyncCommerce.LocalHost.Leveling;

/// <summary>
/// Counts the checkouts being accepted right now: the work that queued workflow starts give way to. A middleware,
/// not a filter on the route, so that it also counts the time a request waits for its body and its turn.
/// </summary>
internal sealed class AcceptsInFlight : IMiddleware
{
    private static readonly PathString CheckoutsPath = new($"/{CommerceRoutes.Prefix}/{CommerceRoutes.Templates.Checkouts}");
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (!HttpMethods.IsPost(context.Request.Method) || !context.Request.Path.Equals(CheckoutsPath, StringComparison.OrdinalIgnoreCase))
        {
            await next(context);
            return;
        }

        Interlocked.Increment(ref _count);
        try
        {
            await next(context);
        }
        finally
        {
            Interlocked.Decrement(ref _count);
        }
    }
}
