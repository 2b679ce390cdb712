using Microsoft.DurableTask;

namespace AsyncCommerce.Inventory;

/// <summary>Activity: gives the order's held stock back (idempotent: a second call releases nothing).</summary>
public sealed class ReleaseStock(IInventoryStore inventory) : TaskActivity<string, bool>
{
    public override Task<bool> RunAsync(TaskActivityContext context, string orderId) => inventory.ReleaseAsync(orderId);
}
