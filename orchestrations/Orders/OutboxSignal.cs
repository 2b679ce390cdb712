using System.Threading.Channels;

namespace AsyncCommerce.Orders;

/// <summary>
/// Wakes the <see cref="OrderEventDispatcher"/> as soon as this process appends an event, so that publishing is
/// not held back by the poll interval; appends by other processes are found by polling.
/// </summary>
public sealed class OutboxSignal
{
    // Capacity one, extra nudges dropped: many appends during one dispatch round need only one more round.
    private readonly Channel<bool> _nudges = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Nudge() => _nudges.Writer.TryWrite(true);

    /// <summary>Completes when nudged (true) or after <paramref name="timeout"/> (false).</summary>
    public async Task<bool> WaitAsync(TimeSpan timeout, TimeProvider clock, CancellationToken cancellationToken)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(timeout);
        try
        {
            return await _nudges.Reader.ReadAsync(timer.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
