using AsyncCommerce.Orders;
using Microsoft.DurableTask;

namespace AsyncCommerce.Inventory;

/// <summary>Activity: turns the order's held stock into a sale and records StockCommitted (idempotent: a re-run commits and records nothing more).</summary>
public sealed class CommitStock(IInventoryStore inventory, OrderEventRecorder recorder, TimeProvider clock) : TaskActivity<StockMovementInput, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, StockMovementInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var committed = await inventory.CommitAsync(input.OrderId);
        await recorder.RecordAsync(input.OrderId, input.EventId, clock.GetUtcNow(), new StockCommitted(input.LocationId));
        return committed;
    }
}
