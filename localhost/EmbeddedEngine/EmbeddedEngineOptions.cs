namespace AsyncCommerce.LocalHost.EmbeddedEngine;

/// <summary>Bound to <c>Commerce:Engine</c>.</summary>
public sealed class EmbeddedEngineOptions
{
    public const string Section = "Commerce:Engine";

    /// <summary>
    /// Work items the in-memory backend hands out at once. Its own cap is the processor count, and once the
    /// cap is reached its dispatcher polls every 500 ms: on 2 cores that made 100 orders take 75 s.
    /// </summary>
    public int MaxConcurrentWorkItems { get; set; } = 200;

    /// <summary>
    /// Where the sidecar listens. A Unix domain socket, not a TCP port: nothing else can connect to it, and
    /// two hosts on one machine (parallel tests) never collide. Empty means a fresh path under the temp folder.
    /// </summary>
    public string SocketPath { get; set; } = string.Empty;
}
