using Microsoft.DurableTask;

namespace AsyncCommerce.Inventory;

public sealed record ReserveStockInput(string OrderId, string LocationId, IReadOnlyList<StockLine> Lines);

/// <summary>Activity: reserves every line of the order at one location, or none (idempotent per order).</summary>
public sealed class ReserveStock(IInventoryStore inventory) : TaskActivity<ReserveStockInput, ReservationResult>
{
    public override Task<ReservationResult> RunAsync(TaskActivityContext context, ReserveStockInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return inventory.ReserveAsync(input.OrderId, input.LocationId, input.Lines);
    }
}
