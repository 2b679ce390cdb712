namespace AsyncCommerce.Benchmarks.CheckoutThroughput.Load.Target;

/// <summary>What the load goes to: the embedded local host (measurable) or a deployed app (not).</summary>
internal interface ILoadTarget : IAsyncDisposable
{
    Uri BaseAddress { get; }

    /// <summary>Says what the target is, for the report.</summary>
    string Description { get; }

    /// <summary>The host process's CPU and memory now; null when the host is not on this machine.</summary>
    HostUsage? Sample();
}
