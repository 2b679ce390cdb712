namespace AsyncCommerce.LocalHost.Leveling;

/// <summary>Bound to <c>Commerce:Leveling</c>: how the memory mode admits queued workflow starts (see <see cref="StartAdmission"/>).</summary>
public sealed class LevelingOptions
{
    public const string Section = "Commerce:Leveling";

    /// <summary>Off: every workflow is scheduled on the accept path, as with a durable backend.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Checkouts being accepted at once above which queued starts wait (a burst is on).</summary>
    public int MaxAcceptsInFlight { get; set; } = 1;

    /// <summary>The longest a queued start waits for a quiet moment: under a sustained peak the backlog still moves.</summary>
    public TimeSpan MaxHold { get; set; } = TimeSpan.FromMilliseconds(20);

    /// <summary>How often a burst is looked at again.</summary>
    public TimeSpan BusyPoll { get; set; } = TimeSpan.FromMilliseconds(1);
}
