using AsyncCommerce.Api;
using Microsoft.Extensions.Options;

namespace AsyncCommerce.LocalHost.Leveling;

/// <summary>
/// Counts the checkouts being accepted right now: the work the engine gives way to. A middleware, not a filter on the
/// route, so that it also counts the time a request waits for its body and its turn.
/// </summary>
internal sealed class AcceptsInFlight(IOptions<LevelingOptions> options) : IMiddleware
{
    private static readonly PathString CheckoutsPath = new($"/{CommerceRoutes.Prefix}/{CommerceRoutes.Templates.Checkouts}");
    private static readonly Task Quiet = Task.CompletedTask;
    private readonly int _burstAbove = options.Value.MaxAcceptsInFlight;
    private TaskCompletionSource _burstOver = NewBurstSignal();
    private int _count;

    public int Count => Volatile.Read(ref _count);

    /// <summary>More than <see cref="LevelingOptions.MaxAcceptsInFlight"/> checkouts are being accepted.</summary>
    public bool IsBurst => Count > _burstAbove;

    /// <summary>Completes once no burst is on (at once when none is).</summary>
    public Task BurstOverAsync()
    {
        if (!IsBurst)
            return Quiet;
        var signal = Volatile.Read(ref _burstOver);
        if (signal.Task.IsCompleted)
        {
            // Set by the end of an earlier burst: a new one needs a new signal. Whoever swaps first wins; the re-check
            // below then covers an accept that finished between the check above and the swap.
            Interlocked.CompareExchange(ref _burstOver, NewBurstSignal(), signal);
            signal = Volatile.Read(ref _burstOver);
        }

        return IsBurst ? signal.Task : Quiet;
    }

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
            if (Interlocked.Decrement(ref _count) <= _burstAbove)
                Volatile.Read(ref _burstOver).TrySetResult();
        }
    }

    // Continuations run off the thread that ends the request, so a waking engine never delays its response.
    private static TaskCompletionSource NewBurstSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
