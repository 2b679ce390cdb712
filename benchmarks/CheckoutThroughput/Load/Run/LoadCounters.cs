using System.Diagnostics;

namespace AsyncCommerce.Benchmarks.CheckoutThroughput.Load.Run;

/// <summary>A phase's live figures, written by the posting connections and the followers, read by the progress display.</summary>
internal sealed class LoadCounters(string phase)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _accepted;
    private long _confirmed;
    private long _completed;
    private long _cancelled;
    private long _rejected;

    public string Phase { get; } = phase;

    public ErrorTally Errors { get; } = new();

    public TimeSpan Elapsed => _clock.Elapsed;

    public long Accepted => Interlocked.Read(ref _accepted);

    public long Confirmed => Interlocked.Read(ref _confirmed);

    public long Completed => Interlocked.Read(ref _completed);

    public long Cancelled => Interlocked.Read(ref _cancelled);

    public long Rejected => Interlocked.Read(ref _rejected);

    /// <summary>How long posting took, once the phase has posted its last checkout; null while it posts.</summary>
    public TimeSpan? PostedIn { get; private set; }

    public void MarkPosted() => PostedIn = _clock.Elapsed;

    public void CountAccepted() => Interlocked.Increment(ref _accepted);

    public void CountConfirmed() => Interlocked.Increment(ref _confirmed);

    public void CountCompleted() => Interlocked.Increment(ref _completed);

    public void CountCancelled() => Interlocked.Increment(ref _cancelled);

    public void CountRejected() => Interlocked.Increment(ref _rejected);
}
