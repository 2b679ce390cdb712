using AsyncCommerce.Adapters.AzureStorage.Orders;
using AsyncCommerce.Adapters.AzureStorage.Tests.Support;
using AsyncCommerce.Adapters.Behaviours.Support;
using AsyncCommerce.Orders;
using Azure.Data.Tables;

namespace AsyncCommerce.Adapters.AzureStorage.Tests.Orders;

/// <summary>The pickup-queue table: written before the view, one partition per store, rows kept with their status.</summary>
public sealed class TableOrderViewStoreTests(AzuriteTables tables) : IClassFixture<AzuriteTables>
{
    private readonly string _orderId = $"order-{Guid.NewGuid():N}";
    private readonly string _storeId = $"store-{Guid.NewGuid():N}";

    [Fact]
    public async Task Save_WhenItCrashesBetweenTheQueueRowAndTheViewRow_IsRepairedByTheNextSave()
    {
        var views = new InterceptedTableClient(tables.OrderViews);
        var store = Store(views);
        await store.SaveAsync(OrderFacts.View(_orderId, OrderFacts.Pickup(_storeId), OrderStatus.Confirmed, version: 1));
        views.Once(call => call.Operation == "Update", () => throw new IOException("The host died."));
        var ready = OrderFacts.View(_orderId, OrderFacts.Pickup(_storeId), OrderStatus.ReadyForPickup, version: 2);

        await Assert.ThrowsAsync<IOException>(() => store.SaveAsync(ready));
        Assert.Equal(1, (await store.GetAsync(_orderId))?.Version);
        Assert.Equal([2], (await store.ListPickupsAsync(_storeId, OrderStatus.ReadyForPickup)).Select(view => view.Version));

        // The projection re-runs from the view's version and saves the same view again.
        await store.SaveAsync(ready);

        Assert.Equal(2, (await store.GetAsync(_orderId))?.Version);
        Assert.Equal([2], (await store.ListPickupsAsync(_storeId, status: null)).Select(view => view.Version));
    }

    [Fact]
    public async Task Save_NextVersionOfAViewThisStoreSaved_IsOneConditionalWriteAndNoRead()
    {
        var views = new InterceptedTableClient(tables.OrderViews);
        var store = Store(views);
        await store.SaveAsync(OrderFacts.View(_orderId, OrderFacts.Delivery(), OrderStatus.Processing, version: 1));
        var before = views.Calls.Count;

        await store.SaveAsync(OrderFacts.View(_orderId, OrderFacts.Delivery(), OrderStatus.Confirmed, version: 2));

        Assert.Equal(["Update"], views.Calls.Skip(before).Select(call => call.Operation));
        Assert.Equal(2, (await Store().GetAsync(_orderId))?.Version);
    }

    [Fact]
    public async Task Save_AfterAnotherStoreSavedALaterVersion_NeverGoesBackAndStillMovesForward()
    {
        var (store, other) = (Store(), Store());
        await store.SaveAsync(OrderFacts.View(_orderId, OrderFacts.Pickup(_storeId), OrderStatus.Processing, version: 1));
        await other.SaveAsync(OrderFacts.View(_orderId, OrderFacts.Pickup(_storeId), OrderStatus.ReadyForPickup, version: 3));

        await store.SaveAsync(OrderFacts.View(_orderId, OrderFacts.Pickup(_storeId), OrderStatus.Confirmed, version: 2));
        Assert.Equal(3, (await other.GetAsync(_orderId))?.Version);
        Assert.Equal([3], (await other.ListPickupsAsync(_storeId, status: null)).Select(view => view.Version));

        await store.SaveAsync(OrderFacts.View(_orderId, OrderFacts.Pickup(_storeId), OrderStatus.Completed, version: 4));
        Assert.Equal(4, (await other.GetAsync(_orderId))?.Version);
        Assert.Equal([4], (await other.ListPickupsAsync(_storeId, OrderStatus.Completed)).Select(view => view.Version));
    }

    [Fact]
    public async Task ListPickups_QueriesOneStoresPartitionOfTheQueue_AndNeverTheViews()
    {
        await Store().SaveAsync(OrderFacts.View(_orderId, OrderFacts.Pickup(_storeId)));
        var (views, queue) = (new InterceptedTableClient(tables.OrderViews), new InterceptedTableClient(tables.PickupQueue));

        var listed = await Store(views, queue).ListPickupsAsync(_storeId, status: null);

        Assert.Equal([_orderId], listed.Select(view => view.OrderId));
        Assert.Empty(views.Calls);
        var query = Assert.Single(queue.Calls);
        Assert.StartsWith($"PartitionKey eq '{_storeId}' and ", query.Filter, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListPickups_OrderThatLeftTheOpenStates_IsListedInItsNewStatusOnly()
    {
        var store = Store();
        await store.SaveAsync(OrderFacts.View(_orderId, OrderFacts.Pickup(_storeId), OrderStatus.ReadyForPickup, version: 1));

        await store.SaveAsync(OrderFacts.View(_orderId, OrderFacts.Pickup(_storeId), OrderStatus.Completed, version: 2));

        Assert.Empty(await store.ListPickupsAsync(_storeId, status: null));
        Assert.Empty(await store.ListPickupsAsync(_storeId, OrderStatus.ReadyForPickup));
        Assert.Equal([_orderId], (await store.ListPickupsAsync(_storeId, OrderStatus.Completed)).Select(view => view.OrderId));
    }

    [Fact]
    public async Task Save_DeliveryOrder_WritesNoQueueRow()
    {
        var queue = new InterceptedTableClient(tables.PickupQueue);

        await Store(pickupQueue: queue).SaveAsync(OrderFacts.View(_orderId, OrderFacts.Delivery()));

        Assert.Empty(queue.Calls);
        Assert.Equal(_orderId, (await Store().GetAsync(_orderId))?.OrderId);
    }

    private TableOrderViewStore Store(TableClient? views = null, TableClient? pickupQueue = null) =>
        new(views ?? tables.OrderViews, pickupQueue ?? tables.PickupQueue, AzuriteTables.ConflictRetry);
}
