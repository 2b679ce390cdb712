namespace AsyncCommerce.LocalHost.EmbeddedEngine;

/// <summary>
/// The lifetime of a host nested inside another: no console hooks of its own (a second Ctrl+C handler
/// could stop the sidecar while the worker still talks to it); it starts and stops when told to.
/// </summary>
internal sealed class OuterHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
