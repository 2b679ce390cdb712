using Microsoft.DurableTask;

namespace AsyncCommerce.Inventory;

/// <summary>Activity: turns the order's held stock into a sale (idempotent: a second call commits nothing).</summary>
public sealed class CommitStock(IInventoryStore inventory) : TaskActivity<string, bool>
{
    public override Task<bool> RunAsync(TaskActivityContext context, string orderId) => inventory.CommitAsync(orderId);
}
