namespace AsyncCommerce.LocalHost.Leveling;

/// <summary>
/// One kind of work item's turn at the CPU (see <see cref="EngineAdmission"/>). Used by that kind's single fetch loop,
/// so its clock needs no lock.
/// </summary>
internal sealed class EngineAdmissionLane(CheckoutArrivals arrivals, TimeSpan maxHold, TimeProvider clock)
{
    private long _lastAdmitted = clock.GetTimestamp();

    /// <summary>Completes when the next work item may run: no burst is on, or the longest hold is up.</summary>
    public async ValueTask WaitForTurnAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var quietIn = arrivals.TimeUntilQuiet();
            var holdLeft = maxHold - clock.GetElapsedTime(_lastAdmitted);
            if (quietIn <= TimeSpan.Zero || holdLeft <= TimeSpan.Zero)
                break;
            await Task.Delay(quietIn < holdLeft ? quietIn : holdLeft, clock, cancellationToken);
        }

        _lastAdmitted = clock.GetTimestamp();
    }
}
