using System.Diagnostics;

namespace AsyncCommerce.Testing;

/// <summary>Awaits a condition with a deadline instead of sleeping a fixed time.</summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    public static async Task<T> UntilAsync<T>(Func<Task<T>> probe, Func<T, bool> condition, string because, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(probe);
        ArgumentNullException.ThrowIfNull(condition);
        var limit = timeout ?? DefaultTimeout;
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var value = await probe();
            if (condition(value))
                return value;
            if (clock.Elapsed > limit)
                throw new TimeoutException($"Still waiting after {limit.TotalSeconds:0.#} s for {because}. Last value: {value}");
            await Task.Delay(PollInterval);
        }
    }
}
