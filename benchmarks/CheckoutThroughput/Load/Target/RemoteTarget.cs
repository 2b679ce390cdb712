namespace AsyncCommerce.Benchmarks.CheckoutThroughput.Load.Target;

/// <summary>A deployed app (a Functions app, or a local host someone else started): load only, no host figures.</summary>
internal sealed class RemoteTarget(Uri baseAddress) : ILoadTarget
{
    public Uri BaseAddress { get; } = baseAddress;

    public string Description => $"{BaseAddress} (host CPU and memory are not visible from here)";

    public HostUsage? Sample() => null;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
