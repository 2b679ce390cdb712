using AsyncCommerce.Orders;
using AsyncCommerce.Testing;
using Microsoft.DurableTask.Client;

namespace AsyncCommerce.LocalHost.Tests.Workflows;

public sealed class WorkflowHistoryPurgerTests
{
    [Fact]
    public async Task LocalHost_FinishedWorkflowOlderThanTheRetention_IsPurgedOnScheduleAndItsOrderStays()
    {
        await using var app = new CommerceApp(new Dictionary<string, string?>
        {
            ["Commerce:Workflow:HistoryRetention"] = "00:00:00.100",
            ["Commerce:Engine:HistoryPurgeInterval"] = "00:00:00.200",
        });
        var http = app.CreateClient();
        var finished = await http.PlaceOrderAsync(CheckoutBody.Delivery());
        var waiting = await http.PlaceOrderAsync(CheckoutBody.Pickup());
        await http.WaitForStatusAsync(finished, OrderStatus.Completed);
        await http.WaitForStatusAsync(waiting, OrderStatus.Confirmed);

        await Eventually.UntilAsync(() => app.Workflows.GetInstanceAsync(finished), instance => instance is null, "the finished workflow to be purged");

        Assert.Equal(OrchestrationRuntimeStatus.Running, (await app.Workflows.GetInstanceAsync(waiting))?.RuntimeStatus);
        Assert.Equal(OrderStatus.Completed, (await http.GetOrderAsync(finished))?.Status);
    }
}
