using AsyncCommerce.Api;
using Microsoft.Extensions.Options;

namespace AsyncCommerce.LocalHost.Leveling;

/// <summary>
/// Watches checkouts arrive, to tell a burst (more than <see cref="LevelingOptions.BurstRate"/> a second over the last
/// <see cref="LevelingOptions.BurstWindow"/>) from ordinary traffic. A middleware, so that it sees every
/// <c>POST /api/checkouts</c> as it starts.
/// </summary>
/// <remarks>
/// Why arrivals and not the checkouts in flight: when the engine has the CPU, checkouts wait in the thread pool's queue
/// before any middleware sees them, so few are "in flight" exactly when most are waiting. Measured: a rule on the count
/// in flight let the engine in at every such gap and it kept the CPU (450 accepts/s against 1,700 with the engine held).
/// </remarks>
internal sealed class CheckoutArrivals : IMiddleware
{
    private static readonly PathString CheckoutsPath = new($"/{CommerceRoutes.Prefix}/{CommerceRoutes.Templates.Checkouts}");
    private readonly TimeProvider _clock;
    private readonly TimeSpan _window;

    // The arrival times of the last BurstRate x BurstWindow checkouts, as a ring: when the oldest of them is within the
    // window, that many arrived within it. Approximate under races by design; it only decides who yields the CPU.
    private readonly long[] _recent;
    private long _arrivals;

    public CheckoutArrivals(IOptions<LevelingOptions> options, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        _clock = clock;
        _window = options.Value.BurstWindow;
        _recent = new long[Math.Max(1, (int)Math.Ceiling(options.Value.BurstRate * _window.TotalSeconds))];
    }

    public bool IsBurst => TimeUntilQuiet() > TimeSpan.Zero;

    /// <summary>How long the burst lasts if no checkout arrives meanwhile; zero or less when none is on.</summary>
    public TimeSpan TimeUntilQuiet()
    {
        var arrivals = Volatile.Read(ref _arrivals);
        if (arrivals < _recent.Length)
            return TimeSpan.Zero;
        var oldest = Volatile.Read(ref _recent[arrivals % _recent.Length]);
        return _window - _clock.GetElapsedTime(oldest);
    }

    public Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (HttpMethods.IsPost(context.Request.Method) && context.Request.Path.Equals(CheckoutsPath, StringComparison.OrdinalIgnoreCase))
        {
            var slot = Interlocked.Increment(ref _arrivals) - 1;
            Volatile.Write(ref _recent[slot % _recent.Length], _clock.GetTimestamp());
        }

        return next(context);
    }
}
