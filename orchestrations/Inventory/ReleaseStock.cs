using AsyncCommerce.Orders;
using Microsoft.DurableTask;

namespace AsyncCommerce.Inventory;

/// <summary>Activity: gives the order's held stock back and records StockReleased (idempotent: a re-run releases and records nothing more).</summary>
public sealed class ReleaseStock(IInventoryStore inventory, OrderEventRecorder recorder, TimeProvider clock) : TaskActivity<StockMovementInput, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, StockMovementInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var released = await inventory.ReleaseAsync(input.OrderId);
        await recorder.RecordAsync(input.OrderId, input.EventId, clock.GetUtcNow(), new StockReleased(input.LocationId));
        return released;
    }
}
