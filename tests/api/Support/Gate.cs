namespace AsyncCommerce.Api.Tests.Support;

/// <summary>
/// Holds whoever passes through it until the test opens it, and tells the test when the first one arrived.
/// Disposing opens it, so a failed test never leaves work stuck behind it while its host stops.
/// </summary>
public sealed class Gate : IDisposable
{
    private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _opened = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the first caller reaches the gate.</summary>
    public Task Entered => _entered.Task;

    public Task PassAsync()
    {
        _entered.TrySetResult();
        return _opened.Task;
    }

    public void Open() => _opened.TrySetResult();

    public void Dispose() => Open();
}
