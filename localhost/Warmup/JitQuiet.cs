using System.Runtime;

namespace AsyncCommerce.LocalHost.Warmup;

/// <summary>
/// Waits until the runtime has stopped compiling: no method compiled for <see cref="Settled"/>, or <paramref name="longest"/> passed.
/// </summary>
/// <remarks>
/// Why the warm-up waits for it: the runtime recompiles the methods the warm-up made hot (called 30 times once first
/// compiling calmed down) with full optimization on a background thread, and on 2 cores that took about 4 s after 200
/// orders. Serving before it is done hands that CPU to the first customers' orders, which is what the warm-up is for.
/// </remarks>
internal static class JitQuiet
{
    private static readonly TimeSpan Settled = TimeSpan.FromMilliseconds(300);
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);

    public static async Task WaitAsync(TimeSpan longest, TimeProvider clock, CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        var compiled = JitInfo.GetCompiledMethodCount();
        var unchangedSince = clock.GetTimestamp();
        while (clock.GetElapsedTime(unchangedSince) < Settled && clock.GetElapsedTime(started) < longest)
        {
            await Task.Delay(Poll, clock, cancellationToken);
            var now = JitInfo.GetCompiledMethodCount();
            if (now != compiled)
            {
                compiled = now;
                unchangedSince = clock.GetTimestamp();
            }
        }
    }
}
