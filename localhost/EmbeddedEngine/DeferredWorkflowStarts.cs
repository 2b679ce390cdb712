using System.Collections.Concurrent;
using System.Threading.Channels;
using AsyncCommerce.LocalHost.Leveling;

namespace AsyncCommerce.LocalHost.EmbeddedEngine;

/// <summary>
/// Memory mode, while a burst of checkouts is on: a new workflow is noted as a start to make, and made in the backend
/// when the engine's turn comes (<see cref="EngineAdmission.Starts"/>), first noted, first made. Anything else asked of
/// that workflow (an event, its status, a wait) makes it at once first, so no caller ever sees it missing.
/// </summary>
/// <remarks>
/// Why: making a workflow in the in-memory backend serializes its input into history, stores its state as JSON nodes
/// and queues its first work item, all on the checkout's request and all kept on the heap until the engine gets to it.
/// Measured on the load tool (2 cores, 10 s burst, Release): it was 8.7 % of the host's CPU during the burst, and the
/// backend's objects were about a third of each waiting order's heap, which every collection the burst causes copies.
/// Noted instead, the heap a backlog holds fell from 5.8 to 4.0 KB per waiting order; the accept's latency, rate and
/// cost did not measurably change (docs/performance.md). The order's own record (the event stream, the read model,
/// the idempotency key) is complete when its start is noted. Memory mode keeps nothing across a restart, so a start
/// noted here is lost only with everything else.
/// </remarks>
internal sealed class DeferredWorkflowStarts(EngineAdmission admission)
{
    private readonly ConcurrentDictionary<string, PendingStart> _pending = new(StringComparer.Ordinal);
    private readonly Channel<PendingStart> _queue = Channel.CreateUnbounded<PendingStart>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Starts noted and not yet made.</summary>
    public int Pending => _pending.Count;

    /// <summary>
    /// Notes the start of <paramref name="instanceId"/> when a burst is on, or while earlier starts still wait (so they
    /// are made in order). False when it should be made now by the caller, also when that id already waits.
    /// </summary>
    public bool TryDefer(string instanceId, Func<Task> make)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        ArgumentNullException.ThrowIfNull(make);
        if (!admission.IsBurst && _pending.IsEmpty)
            return false;
        var start = new PendingStart(instanceId, make);
        if (!_pending.TryAdd(instanceId, start))
            return false;
        _queue.Writer.TryWrite(start);
        return true;
    }

    /// <summary>Makes the workflow now if its start was noted and not made yet; waits for it if it is being made.</summary>
    public Task EnsureMadeAsync(string instanceId) =>
        _pending.TryGetValue(instanceId, out var start) ? MakeAsync(start) : Task.CompletedTask;

    /// <summary>Makes the noted starts in order, each on the engine's turn, until <paramref name="stopping"/>.</summary>
    public async Task RunAsync(Func<string, Exception, bool> failed, CancellationToken stopping)
    {
        ArgumentNullException.ThrowIfNull(failed);
        await foreach (var start in _queue.Reader.ReadAllAsync(stopping))
        {
            if (start.Made)
                continue;
            await admission.Starts.WaitForTurnAsync(stopping);
            try
            {
                await MakeAsync(start);
            }
            catch (Exception error) when (failed(start.InstanceId, error))
            {
                // Reported by the caller's filter; the next start is independent of this one.
            }
        }
    }

    private async Task MakeAsync(PendingStart start)
    {
        try
        {
            await start.MakeOnceAsync();
        }
        finally
        {
            _pending.TryRemove(new KeyValuePair<string, PendingStart>(start.InstanceId, start));
        }
    }

    // Kept per waiting order through a burst, with the caller's closure and nothing else: each collection copies them.
    private sealed class PendingStart(string instanceId, Func<Task> make)
    {
        private Task? _made;

        public string InstanceId { get; } = instanceId;

        public bool Made => Volatile.Read(ref _made) is not null;

        public Task MakeOnceAsync()
        {
            if (Volatile.Read(ref _made) is { } made)
                return made;
            lock (this)
                return _made ??= MakeCatchingAsync();
        }

        // A make that throws at once is reported through its task like one that fails later.
        private async Task MakeCatchingAsync() => await make();
    }
}
