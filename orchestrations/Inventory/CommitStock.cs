using AsyncCommerce.Orders;
using Microsoft.DurableTask;

namespace AsyncCommerce.Inventory;

/// <param name="EventId">Id of the StockCommitted event, chosen by the orchestrator.</param>
/// <param name="CompletedEventId">Id of the OrderCompleted event that follows it, chosen by the orchestrator.</param>
public sealed record CommitStockInput(string OrderId, string LocationId, string EventId, string CompletedEventId);

/// <summary>
/// Activity: turns the order's held stock into a sale, which ends the order: records StockCommitted, then
/// OrderCompleted. One step, where recording the end was a step of its own: nothing can happen to an order between the
/// two. A failure to record after the commit is an <see cref="UnrecordedSaleException"/>. Idempotent: a re-run commits nothing more, and the recorder keeps each event id once.
/// </summary>
public sealed class CommitStock(IInventoryStore inventory, OrderEventRecorder recorder, TimeProvider clock) : TaskActivity<CommitStockInput, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, CommitStockInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var committed = await inventory.CommitAsync(input.OrderId);
        try
        {
            var now = clock.GetUtcNow();
            await recorder.RecordAsync(input.OrderId, [new(input.EventId, now, new StockCommitted(input.LocationId)), new(input.CompletedEventId, now, new OrderCompleted())]);
        }
        catch (Exception failure)
        {
            // From here on the sale has happened, whatever stopped the record (a store's timeout surfaces as a
            // cancellation too); the saga must know that, or it would give the money back.
            throw new UnrecordedSaleException($"Order {input.OrderId}: the stock was committed, but recording the sale failed.", failure);
        }

        return committed;
    }
}
