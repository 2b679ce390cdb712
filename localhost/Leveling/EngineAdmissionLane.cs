namespace AsyncCommerce.LocalHost.Leveling;

/// <summary>
/// One kind of work item's turn at the CPU (see <see cref="EngineAdmission"/>). Used by that kind's single fetch loop,
/// so its clock needs no lock.
/// </summary>
internal sealed class EngineAdmissionLane(AcceptsInFlight accepts, TimeSpan maxHold, TimeProvider clock)
{
    private long _lastAdmitted = clock.GetTimestamp();

    /// <summary>Completes when the next work item may run: no burst is on, or the longest hold is up.</summary>
    public async ValueTask WaitForTurnAsync(CancellationToken cancellationToken)
    {
        if (accepts.IsBurst)
        {
            var holdLeft = maxHold - clock.GetElapsedTime(_lastAdmitted);
            if (holdLeft > TimeSpan.Zero)
            {
                // Over when the burst is, or when the hold is up (a timeout, not an error).
                await accepts.BurstOverAsync().WaitAsync(holdLeft, clock, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                cancellationToken.ThrowIfCancellationRequested();
            }
        }

        _lastAdmitted = clock.GetTimestamp();
    }
}
