using System.Net;

namespace AsyncCommerce.Adapters.Cosmos.Tests.Support;

/// <summary>
/// Interleavings for <see cref="RecordingContainer.Intercept"/>: run a rival call once, right before the first request
/// that matches, so that the request under test meets what the rival wrote (a stale ETag, an existing id).
/// </summary>
internal static class Race
{
    public static Func<SentRequest, Task<HttpStatusCode?>> Before(Func<SentRequest, bool> matches, Func<Task> rival)
    {
        var raced = 0;
        return async request =>
        {
            if (matches(request) && Interlocked.Exchange(ref raced, 1) == 0)
                await rival();
            return null;
        };
    }

    /// <summary>Fails every request that matches with <paramref name="status"/>.</summary>
    public static Func<SentRequest, Task<HttpStatusCode?>> Fail(Func<SentRequest, bool> matches, HttpStatusCode status) =>
        request => Task.FromResult<HttpStatusCode?>(matches(request) ? status : null);

    /// <summary>Fails the first request that matches with <paramref name="status"/>, as a crash or an outage would, then lets everything through.</summary>
    public static Func<SentRequest, Task<HttpStatusCode?>> FailOnce(Func<SentRequest, bool> matches, HttpStatusCode status)
    {
        var failed = 0;
        return request => Task.FromResult<HttpStatusCode?>(matches(request) && Interlocked.Exchange(ref failed, 1) == 0 ? status : null);
    }
}
