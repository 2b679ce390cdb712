using System.Collections.Concurrent;
using DurableTask.Core;
using DurableTask.Core.Command;
using DurableTask.Core.Entities;
using DurableTask.Core.History;
using DurableTask.Core.Middleware;

namespace AsyncCommerce.LocalHost.EmbeddedEngine;

/// <summary>
/// Keeps each running workflow's executor between its episodes, so that an episode runs only the events that just
/// arrived instead of replaying the whole history from the start: Durable Task Core's extended sessions, done from the
/// dispatcher's middleware so that no backend has to hold a work item open between episodes.
/// </summary>
/// <remarks>
/// Why: an allocation profile of a burst of checkouts (memory mode) put 54 % of the host's allocations in replaying
/// history, re-serializing every step's input and re-deserializing every step's result once per episode, and most of
/// the exceptions it throws (a cancelled timer or a failed step is thrown again on every replay).
/// <para>
/// An executor is resumed only when the history the backend hands over is exactly the one it committed after the
/// executor's last episode (same execution, same number of events), so an episode that was abandoned, ran elsewhere or
/// never committed makes the next one replay in full, as without this cache. At most <c>capacity</c> workflows are
/// kept; the others replay as before. When the cache is full, workflows that have not run for <c>idleLimit</c> (pickup
/// orders waiting hours for the store, say) give their place up, so that a long-running host keeps serving its busy
/// workflows from it.
/// </para>
/// </remarks>
internal sealed class ResumableOrchestrations(
    int capacity,
    TimeSpan idleLimit,
    BehaviorOnContinueAsNew continueAsNew,
    ErrorPropagationMode errorPropagation,
    TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, Resumable> _byInstance = new(StringComparer.Ordinal);

    // Counted apart: ConcurrentDictionary.Count takes every one of its locks, which the first profile of this cache
    // showed as most of the engine's lock contention.
    private int _kept;
    private long _nextIdleSweep;
    private long _resumed;
    private long _replayed;

    /// <summary>Episodes that ran only their new events.</summary>
    public long Resumed => Interlocked.Read(ref _resumed);

    /// <summary>Episodes that replayed their whole history (first episodes included).</summary>
    public long Replayed => Interlocked.Read(ref _replayed);

    /// <summary>Workflows whose executor is kept now.</summary>
    public int Count => Volatile.Read(ref _kept);

    /// <summary>The orchestration dispatcher's middleware: runs the episode, on the kept executor when it is in step.</summary>
    public Task RunEpisodeAsync(DispatchMiddlewareContext context, Func<Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var state = context.GetProperty<OrchestrationRuntimeState>();
        var orchestration = context.GetProperty<TaskOrchestration>();
        if (state?.OrchestrationInstance is not { InstanceId: { } instanceId } instance || orchestration is null)
            return next();

        // Taken out for the episode: an episode that throws leaves nothing behind, so the next one replays in full.
        var kept = Take(instanceId);
        var resumable = kept is not null && kept.IsInStepWith(instance.ExecutionId, state.PastEvents.Count) ? kept : null;
        OrchestratorExecutionResult result;
        if (resumable is not null)
        {
            result = resumable.RunNewEvents(state.NewEvents, clock.GetTimestamp());
            Interlocked.Increment(ref _resumed);
        }
        else
        {
            var executor = new TaskOrchestrationExecutor(
                state, orchestration, continueAsNew, context.GetProperty<TaskOrchestrationEntityParameters>(), errorPropagation);
            result = executor.Execute();
            resumable = new Resumable(executor, state, instance.ExecutionId, clock.GetTimestamp());
            Interlocked.Increment(ref _replayed);
        }

        context.SetProperty(result);
        if (!resumable.Executor.IsCompleted && !Ends(result))
            Keep(instanceId, resumable);
        return Task.CompletedTask;
    }

    /// <summary>The backend has stored the episode's history: the kept executor is in step with exactly that history.</summary>
    public void Committed(OrchestrationRuntimeState committed)
    {
        ArgumentNullException.ThrowIfNull(committed);
        if (committed.OrchestrationInstance is { InstanceId: { } instanceId } instance && _byInstance.TryGetValue(instanceId, out var kept))
            kept.CommittedAs(instance.ExecutionId, committed.Events.Count);
    }

    /// <summary>The episode was given up: its history was not stored, so the kept executor is ahead of it.</summary>
    public void Abandoned(string instanceId) => Take(instanceId);

    private void Keep(string instanceId, Resumable resumable)
    {
        if (Count >= capacity)
            DropIdle();
        if (Count < capacity && _byInstance.TryAdd(instanceId, resumable))
            Interlocked.Increment(ref _kept);
    }

    // At most one sweep per tenth of the idle limit: a full cache is swept once, not on every episode.
    private void DropIdle()
    {
        var now = clock.GetTimestamp();
        var due = Interlocked.Read(ref _nextIdleSweep);
        var next = now + (long)(idleLimit.TotalSeconds / 10 * clock.TimestampFrequency);
        if (now < due || Interlocked.CompareExchange(ref _nextIdleSweep, next, due) != due)
            return;

        foreach (var (instanceId, kept) in _byInstance)
        {
            if (clock.GetElapsedTime(kept.LastRun, now) >= idleLimit && _byInstance.TryRemove(KeyValuePair.Create(instanceId, kept)))
                Interlocked.Decrement(ref _kept);
        }
    }

    private Resumable? Take(string instanceId)
    {
        if (!_byInstance.TryRemove(instanceId, out var kept))
            return null;
        Interlocked.Decrement(ref _kept);
        return kept;
    }

    private static bool Ends(OrchestratorExecutionResult result) =>
        result.Actions?.Any(action => action is OrchestrationCompleteOrchestratorAction) == true;

    /// <summary>One workflow's executor and the runtime state it reads its new events from.</summary>
    private sealed class Resumable(TaskOrchestrationExecutor executor, OrchestrationRuntimeState executorState, string? executionId, long ranAt)
    {
        private const int NotCommitted = -1;
        private int _committedEvents = NotCommitted;
        private long _lastRun = ranAt;

        public TaskOrchestrationExecutor Executor { get; } = executor;

        /// <summary>When its last episode ran (a <see cref="TimeProvider"/> timestamp).</summary>
        public long LastRun => Interlocked.Read(ref _lastRun);

        public bool IsInStepWith(string? currentExecutionId, int pastEvents) =>
            string.Equals(executionId, currentExecutionId, StringComparison.Ordinal) && Volatile.Read(ref _committedEvents) == pastEvents;

        public void CommittedAs(string? committedExecutionId, int events)
        {
            if (string.Equals(executionId, committedExecutionId, StringComparison.Ordinal))
                Volatile.Write(ref _committedEvents, events);
        }

        // The executor reads only its state's new events once started; the events it already played stay as they were.
        public OrchestratorExecutionResult RunNewEvents(IList<HistoryEvent> newEvents, long now)
        {
            Volatile.Write(ref _committedEvents, NotCommitted);
            Interlocked.Exchange(ref _lastRun, now);
            executorState.NewEvents.Clear();
            foreach (var newEvent in newEvents)
                executorState.NewEvents.Add(newEvent);
            return Executor.ExecuteNewEvents();
        }
    }
}
