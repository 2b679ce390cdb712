using System.Net;
using AsyncCommerce.Checkout;
using AsyncCommerce.LocalHost.EmbeddedEngine;
using AsyncCommerce.Orders;
using AsyncCommerce.Testing;
using DurableTask.Core.Exceptions;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace AsyncCommerce.LocalHost.Tests.EmbeddedEngine;

/// <summary>
/// The embedded engine's client and worker on the real in-memory backend, through the host's own wiring: what the
/// routes and the housekeeping ask of the engine (start, look up, list, terminate, purge) does what it says.
/// </summary>
public sealed class EmbeddedEngineTests
{
    // Without leveling, the client under test is the engine's own, and a 202 means the workflow exists.
    private static readonly Dictionary<string, string?> Unleveled = new() { ["Commerce:Leveling:Enabled"] = "false" };

    // A burst rate of one a second: each checkout starts a burst that lasts the window after it.
    private static Dictionary<string, string?> EveryCheckoutABurst(string window, string? maxHold = null)
    {
        var settings = new Dictionary<string, string?> { ["Commerce:Leveling:BurstRate"] = "1", ["Commerce:Leveling:BurstWindow"] = window };
        if (maxHold is not null)
            settings["Commerce:Leveling:MaxHold"] = maxHold;
        return settings;
    }

    [Fact]
    public async Task Engine_TwoHostsAtOnce_EachRunsOnlyItsOwnOrders()
    {
        await using var first = new CommerceApp();
        await using var second = new CommerceApp();
        var orderInFirst = await first.CreateClient().PlaceOrderAsync(CheckoutBody.Pickup());

        var orderInSecond = await second.CreateClient().PlaceOrderAsync(CheckoutBody.Pickup());

        await first.CreateClient().WaitForStatusAsync(orderInFirst, OrderStatus.Confirmed);
        await second.CreateClient().WaitForStatusAsync(orderInSecond, OrderStatus.Confirmed);
        Assert.Null(await second.Workflows.GetInstanceAsync(orderInFirst));
        Assert.Null(await second.CreateClient().GetOrderAsync(orderInFirst));
        await StockLedger.AssertBalancedAsync(first.Get<Inventory.IInventoryStore>());
    }

    [Fact]
    public async Task Client_AnOrdersWorkflow_IsFoundRunningAndListed()
    {
        await using var app = new CommerceApp(Unleveled);
        var orderId = await app.CreateClient().PlaceOrderAsync(CheckoutBody.Pickup());

        var workflow = await app.Workflows.WaitForInstanceStartAsync(orderId, getInputsAndOutputs: true);

        Assert.Equal(nameof(CheckoutSaga), workflow.Name);
        Assert.Equal(OrchestrationRuntimeStatus.Running, workflow.RuntimeStatus);
        Assert.Equal(orderId, workflow.ReadInputAs<CheckoutInput>()?.OrderId);
        var listed = new List<string>();
        await foreach (var instance in app.Workflows.GetAllInstancesAsync(new OrchestrationQuery(Statuses: [OrchestrationRuntimeStatus.Running])))
            listed.Add(instance.InstanceId);
        Assert.Contains(orderId, listed);
    }

    [Fact]
    public async Task Client_DuringABurst_AnOrdersWorkflowIsFoundWithItsInput()
    {
        // Ten checkouts within ten seconds are a burst that outlasts the test: the tenth order's start is noted, and
        // stays so until something asks for its workflow (unless the host took longer than the hold to get there).
        await using var app = new CommerceApp(EveryCheckoutABurst(window: "00:00:10", maxHold: "00:00:10"));
        var client = app.CreateClient();
        var orderId = "";
        for (var i = 0; i < 10; i++)
            orderId = await client.PlaceOrderAsync(CheckoutBody.Pickup());
        var starts = app.Get<EmbeddedBackend>().DeferredStarts!;

        var workflow = await app.Workflows.GetInstanceAsync(orderId, getInputsAndOutputs: true);

        Assert.Equal(0, starts.Pending);
        Assert.Equal(orderId, workflow?.ReadInputAs<CheckoutInput>()?.OrderId);
    }

    [Fact]
    public async Task Engine_AWorkflowNotedDuringABurst_RunsOnceTheBurstIsOver()
    {
        // Each checkout alone is a burst of half a second.
        await using var app = new CommerceApp(EveryCheckoutABurst(window: "00:00:00.500", maxHold: "00:00:10"));
        var client = app.CreateClient();

        var orderId = await client.PlaceOrderAsync(CheckoutBody.Pickup());

        await client.WaitForStatusAsync(orderId, OrderStatus.Confirmed);
        Assert.Equal(0, app.Get<EmbeddedBackend>().DeferredStarts!.Pending);
    }

    [Fact]
    public async Task Engine_AnOrderCancelledAsSoonAsItIsAcceptedDuringABurst_EndsCancelled()
    {
        await using var app = new CommerceApp(EveryCheckoutABurst(window: "00:00:00.500"));
        var client = app.CreateClient();
        var orderId = await client.PlaceOrderAsync(CheckoutBody.Pickup());

        using var cancelled = await client.PostJsonAsync($"/api/checkouts/{orderId}/cancel");

        Assert.Equal(HttpStatusCode.Accepted, cancelled.StatusCode);
        var order = await client.WaitForStatusAsync(orderId, OrderStatus.Cancelled);
        Assert.Equal(StatusReason.CustomerCancelled, order.StatusReason);
    }

    [Fact]
    public async Task Client_UnknownWorkflow_IsNotFound()
    {
        await using var app = new CommerceApp(Unleveled);
        app.CreateClient();

        Assert.Null(await app.Workflows.GetInstanceAsync("ord_never_placed"));
        Assert.Equal(0, (await app.Workflows.PurgeInstanceAsync("ord_never_placed")).PurgedInstanceCount);
    }

    [Fact]
    public async Task Client_StartingAnIdThatIsRunning_IsRefused()
    {
        await using var app = new CommerceApp(Unleveled);
        var orderId = await app.CreateClient().PlaceOrderAsync(CheckoutBody.Pickup());
        await app.Workflows.WaitForInstanceStartAsync(orderId);

        await Assert.ThrowsAsync<OrchestrationAlreadyExistsException>(() =>
            app.Workflows.ScheduleNewOrchestrationInstanceAsync(nameof(CheckoutSaga), input: null, new StartOrchestrationOptions(orderId)));
    }

    [Fact]
    public async Task Client_TerminatedWorkflow_EndsTerminatedAndCanThenBePurged()
    {
        await using var app = new CommerceApp(Unleveled);
        var orderId = await app.CreateClient().PlaceOrderAsync(CheckoutBody.Pickup());
        await app.Workflows.WaitForInstanceStartAsync(orderId);
        await Assert.ThrowsAsync<InvalidOperationException>(() => app.Workflows.PurgeInstanceAsync(orderId));

        await app.Workflows.TerminateInstanceAsync(orderId, "operator stopped it");
        using var deadline = new CancellationTokenSource(Eventually.DefaultTimeout);
        var ended = await app.Workflows.WaitForInstanceCompletionAsync(orderId, getInputsAndOutputs: true, deadline.Token);

        Assert.Equal(OrchestrationRuntimeStatus.Terminated, ended.RuntimeStatus);
        Assert.Equal(1, (await app.Workflows.PurgeInstanceAsync(orderId)).PurgedInstanceCount);
        Assert.Null(await app.Workflows.GetInstanceAsync(orderId));
    }

    [Fact]
    public async Task Engine_DeliveryOrder_ResumesItsWorkflowInsteadOfReplayingIt()
    {
        await using var app = new CommerceApp();
        var orderId = await app.CreateClient().PlaceOrderAsync(CheckoutBody.Delivery());

        await app.CreateClient().WaitForStatusAsync(orderId, OrderStatus.Completed);

        // Reserve, authorize, capture (confirming first), commit (completing after): every step's episode after the first resumes.
        var resumable = Assert.IsType<ResumableOrchestrations>(app.Get<EmbeddedBackend>().Resumable);
        Assert.Equal(1, resumable.Replayed);
        Assert.Equal(4, resumable.Resumed);
        Assert.Equal(0, resumable.Count);
        await StockLedger.AssertBalancedAsync(app.Get<Inventory.IInventoryStore>());
    }

    [Fact]
    public async Task Engine_WithResumingOff_ReplaysEveryEpisodeAndCompletes()
    {
        await using var app = new CommerceApp(new Dictionary<string, string?> { ["Commerce:Engine:ResumableOrchestrations"] = "0" });
        var orderId = await app.CreateClient().PlaceOrderAsync(CheckoutBody.Delivery());

        await app.CreateClient().WaitForStatusAsync(orderId, OrderStatus.Completed);

        Assert.Null(app.Get<EmbeddedBackend>().Resumable);
    }

    [Fact]
    public async Task Engine_WithOneBusyWorkflowAllowed_StillCompletesEveryOrder()
    {
        await using var app = new CommerceApp(new Dictionary<string, string?> { ["Commerce:Engine:BusyWorkflows"] = "1" });
        var client = app.CreateClient();
        var pickup = await client.PlaceOrderAsync(CheckoutBody.Pickup());
        var deliveries = new List<string>();
        for (var i = 0; i < 3; i++)
            deliveries.Add(await client.PlaceOrderAsync(CheckoutBody.Delivery()));

        // The pickup waits for the store once confirmed, and gives its slot to the deliveries queued behind it.
        await client.WaitForStatusAsync(pickup, OrderStatus.Confirmed);
        foreach (var delivery in deliveries)
            await client.WaitForStatusAsync(delivery, OrderStatus.Completed);
        await StockLedger.AssertBalancedAsync(app.Get<Inventory.IInventoryStore>());
    }

    [Fact]
    public void Statuses_OfTheSdkAndDurableTaskCore_MapByName()
    {
        foreach (var core in Enum.GetValues<DurableTask.Core.OrchestrationStatus>())
            Assert.Equal(core.ToString(), DirectDurableTaskClient.ToSdk(core).ToString());
        foreach (var sdk in Enum.GetValues<OrchestrationRuntimeStatus>())
            Assert.Equal(sdk.ToString(), DirectDurableTaskClient.ToCore(sdk).ToString());
    }
}
