using AsyncCommerce.Orders;
using Microsoft.DurableTask;

namespace AsyncCommerce.Inventory;

/// <param name="ReservedEventId">Id of the StockReserved event this step records on success (chosen by the orchestrator, so a re-run records it once).</param>
public sealed record ReserveStockInput(string OrderId, string LocationId, IReadOnlyList<StockLine> Lines, string ReservedEventId);

/// <summary>
/// Activity: reserves every line of the order at one location, or none (idempotent per order), and records
/// StockReserved when it did. Recording inside the step saves the saga a round trip per fact.
/// </summary>
public sealed class ReserveStock(IInventoryStore inventory, OrderEventRecorder recorder, TimeProvider clock) : TaskActivity<ReserveStockInput, ReservationResult>
{
    public override async Task<ReservationResult> RunAsync(TaskActivityContext context, ReserveStockInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var reservation = await inventory.ReserveAsync(input.OrderId, input.LocationId, input.Lines);
        if (reservation.Reserved)
            await recorder.RecordAsync(input.OrderId, input.ReservedEventId, clock.GetUtcNow(), new StockReserved(input.LocationId));
        return reservation;
    }
}
