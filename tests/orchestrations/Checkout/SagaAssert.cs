using AsyncCommerce.Inventory;
using AsyncCommerce.Orders;
using AsyncCommerce.Testing;
using Microsoft.DurableTask.Client;

namespace AsyncCommerce.Orchestrations.Tests.Checkout;

internal static class SagaAssert
{
    /// <summary>
    /// The saga instance has completed (not merely the read model): a timer or waiter left behind would keep it
    /// Running, and this wait would then time out.
    /// </summary>
    public static async Task FinishedAsync(CommerceApp app, string orderId, OrderStatus expected)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        var instance = await app.Workflows.WaitForInstanceCompletionAsync(orderId, getInputsAndOutputs: true, deadline.Token);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, instance.RuntimeStatus);
        Assert.Equal(expected, instance.ReadOutputAs<OrderStatus>());
    }

    /// <summary>The instance once it has ended in any status; fails the test, instead of hanging the run, after 30 s.</summary>
    public static async Task<OrchestrationMetadata> EndedAsync(DurableTaskClient workflows, string orderId)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            return await workflows.WaitForInstanceCompletionAsync(orderId, getInputsAndOutputs: true, deadline.Token);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            throw new Xunit.Sdk.XunitException($"The saga of order {orderId} had not ended after 30 s.");
        }
    }

    public static async Task NothingReservedAsync(CommerceApp app, params string[] skus)
    {
        var inventory = app.Get<IInventoryStore>();
        foreach (var sku in skus)
            Assert.All(await inventory.GetLevelsAsync(sku), level => Assert.Equal(0, level.Reserved));
    }

    public static async Task<StockLevel> LevelAsync(CommerceApp app, string sku, string locationId) =>
        (await app.Get<IInventoryStore>().GetLevelsAsync(sku)).Single(l => l.LocationId == locationId);
}
