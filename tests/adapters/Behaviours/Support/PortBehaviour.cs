namespace AsyncCommerce.Adapters.Behaviours.Support;

/// <summary>
/// Base of the behavioural suites every adapter of a storage port passes. A suite only speaks the port, and
/// uses fresh ids in each test, so a database-backed adapter can share one container across tests.
/// </summary>
public abstract class PortBehaviour<TPort> : IAsyncLifetime
    where TPort : class
{
    private TPort? _port;

    protected TPort Port => _port ?? throw new InvalidOperationException("The port is created in InitializeAsync.");

    public async Task InitializeAsync() => _port = await CreatePortAsync();

    public Task DisposeAsync() => DisposePortAsync();

    protected abstract Task<TPort> CreatePortAsync();

    protected virtual Task DisposePortAsync() => Task.CompletedTask;

    protected static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    /// <summary>Runs <paramref name="count"/> calls on the thread pool at once, so that they really race.</summary>
    protected static Task<T[]> RaceAsync<T>(int count, Func<int, Task<T>> call) =>
        Task.WhenAll(Enumerable.Range(0, count).Select(index => Task.Run(() => call(index))));
}
