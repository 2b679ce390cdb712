using DurableTask.Core;
using DurableTask.Core.History;

namespace AsyncCommerce.LocalHost.EmbeddedEngine;

/// <summary>
/// Memory mode: holds the first episode of a new workflow back while <c>limit</c> workflows are busy, so that a backlog
/// of accepted checkouts waits as a queue of starts instead of as that many workflows half done. A workflow is busy from
/// its first episode until it ends or waits for nothing but a timer or an outside event (a pickup order waiting for the
/// store, an order waiting for a new payment method); every later episode of a started workflow runs as soon as it is
/// due, so a held start never keeps a started workflow from finishing.
/// </summary>
/// <remarks>
/// Why: the in-memory backend's queue is first in, first out, so after a burst of 30,000 checkouts every one of those
/// workflows took its first step before any took its second, and all of them were in flight at once, each with its
/// history and its kept executor. Measured on the load tool (2 cores, Release): the collector's threads took 25 % of the
/// host's CPU while such a backlog drained, against 8 % after a burst of 2,000, and every order cost 4.0–4.5 ms of host
/// CPU against 3.3 ms. Held starts cost only the work item the backend already made.
/// <para>
/// The limit is a soft one: a workflow that waited on a timer and is due again counts as busy at once, whatever the
/// count. Sub-orchestrations are never held, since their parent is busy waiting for them.
/// </para>
/// </remarks>
internal sealed class WorkflowStartGate(int limit)
{
    private readonly Lock _gate = new();
    private readonly Queue<TaskOrchestrationWorkItem> _held = new();
    private readonly HashSet<string> _busy = new(StringComparer.Ordinal);
    private TaskCompletionSource _slotFreed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    // The in-memory backend runs one orchestration dispatcher (TaskOrchestrationDispatcherCount 1), so one fetch is
    // asked for at a time; a second at once would share the pending fetch below, so it is refused instead.
    private int _fetchingNow;

    // A fetch from the backend outlives the call that began it when a held start was let in first: the backend has
    // already taken its work item off the queue, so the next call must receive it rather than fetch again.
    private Task<TaskOrchestrationWorkItem>? _pendingFetch;

    /// <summary>Workflows that are busy now.</summary>
    public int Busy
    {
        get
        {
            lock (_gate)
                return _busy.Count;
        }
    }

    /// <summary>New workflows whose first episode is held back now.</summary>
    public int Held
    {
        get
        {
            lock (_gate)
                return _held.Count;
        }
    }

    /// <summary>
    /// The next work item to run: a held start when a slot is free, else the next one <paramref name="fetch"/> brings
    /// that is not a start to be held.
    /// </summary>
    public async Task<TaskOrchestrationWorkItem> NextAsync(Func<Task<TaskOrchestrationWorkItem>> fetch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fetch);
        if (Interlocked.Exchange(ref _fetchingNow, 1) == 1)
            throw new InvalidOperationException("The in-memory backend's work items are fetched by one dispatcher at a time.");
        try
        {
            while (true)
            {
                Task? slotFreed;
                lock (_gate)
                {
                    if (_held.Count > 0 && _busy.Count < limit)
                        return Started(_held.Dequeue());
                    slotFreed = _held.Count > 0 ? _slotFreed.Task : null;
                }

                var fetching = _pendingFetch ??= fetch();
                if (slotFreed is not null)
                {
                    await Task.WhenAny(fetching, slotFreed).WaitAsync(cancellationToken);
                    if (!fetching.IsCompleted)
                        continue;
                }

                _pendingFetch = null;
                var workItem = await fetching;
                if (workItem is null)
                    return workItem!;
                lock (_gate)
                {
                    if (!IsNewWorkflow(workItem))
                        return workItem;
                    if (_held.Count == 0 && _busy.Count < limit)
                        return Started(workItem);
                    _held.Enqueue(workItem);
                }
            }
        }
        finally
        {
            Volatile.Write(ref _fetchingNow, 0);
        }
    }

    /// <summary>
    /// Called once the backend stored an episode: the workflow stays busy while it waits for a step or a
    /// sub-orchestration it just scheduled, and frees its slot when it ended or waits only for a timer or an event.
    /// </summary>
    public void Committed(string instanceId, OrchestrationStatus status, bool awaitsReply)
    {
        lock (_gate)
        {
            if (awaitsReply && status is OrchestrationStatus.Running or OrchestrationStatus.ContinuedAsNew)
            {
                _busy.Add(instanceId);
                return;
            }

            if (!_busy.Remove(instanceId) || _held.Count == 0)
                return;
            var freed = _slotFreed;
            _slotFreed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            freed.SetResult();
        }
    }

    private TaskOrchestrationWorkItem Started(TaskOrchestrationWorkItem workItem)
    {
        _busy.Add(workItem.InstanceId);
        return workItem;
    }

    private bool IsNewWorkflow(TaskOrchestrationWorkItem workItem) =>
        workItem.OrchestrationRuntimeState.Events.Count == 0
        && !_busy.Contains(workItem.InstanceId)
        && workItem.NewMessages.Any(message => message.Event is ExecutionStartedEvent { ParentInstance: null });
}
