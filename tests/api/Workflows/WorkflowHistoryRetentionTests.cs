using AsyncCommerce.Api.Tests.Support;
using AsyncCommerce.Api.Workflows;
using AsyncCommerce.Orders;
using AsyncCommerce.Testing;
using Microsoft.DurableTask.Client;

namespace AsyncCommerce.Api.Tests.Workflows;

/// <summary>Real orders on the local host's embedded engine, then a purge through the engine's own client.</summary>
public sealed class WorkflowHistoryRetentionTests
{
    [Fact]
    public async Task PurgeExpired_PastTheRetention_PurgesFinishedWorkflowsAndKeepsRunningOnes()
    {
        await using var app = new CommerceApp(new Dictionary<string, string?> { ["Commerce:Workflow:HistoryRetention"] = "00:00:00.001" });
        var http = app.CreateClient();
        var delivered = await PlaceCompletedDeliveryAsync(app, http);
        var waitingForTheStore = await http.PlaceConfirmedPickupAsync();

        var purged = await app.Get<WorkflowHistoryRetention>().PurgeExpiredAsync(app.Workflows);

        Assert.Equal(1, purged);
        Assert.Null(await app.Workflows.GetInstanceAsync(delivered));
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await app.Workflows.GetInstanceAsync(waitingForTheStore))?.RuntimeStatus);
        // The history was an execution log: the order itself (its stream and read model) is still there.
        Assert.Equal(OrderStatus.Completed, (await http.GetOrderAsync(delivered))?.Status);
    }

    [Fact]
    public async Task PurgeExpired_WithinTheRetention_KeepsFinishedWorkflows()
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();
        var delivered = await PlaceCompletedDeliveryAsync(app, http);

        var purged = await app.Get<WorkflowHistoryRetention>().PurgeExpiredAsync(app.Workflows);

        Assert.Equal(0, purged);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await app.Workflows.GetInstanceAsync(delivered))?.RuntimeStatus);
    }

    /// <summary>A delivery order whose workflow has finished (completed); returns its id, which is the workflow's.</summary>
    private static async Task<string> PlaceCompletedDeliveryAsync(CommerceApp app, HttpClient http)
    {
        var orderId = await http.PlaceOrderAsync(CheckoutBody.Delivery());
        using var deadline = new CancellationTokenSource(Eventually.DefaultTimeout);
        var finished = await app.Workflows.WaitForInstanceCompletionAsync(orderId, deadline.Token);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, finished.RuntimeStatus);
        return orderId;
    }
}
