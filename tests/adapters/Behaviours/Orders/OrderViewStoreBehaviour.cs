using System.Text.Json;
using AsyncCommerce.Adapters.Behaviours.Support;
using AsyncCommerce.Orders;

namespace AsyncCommerce.Adapters.Behaviours.Orders;

/// <summary>What every <see cref="IOrderViewStore"/> does, whatever keeps the read model.</summary>
public abstract class OrderViewStoreBehaviour : PortBehaviour<IOrderViewStore>
{
    private readonly string _storeId = NewId("store");

    [BehaviourFact]
    public async Task Get_AfterSave_ReturnsTheView()
    {
        var view = OrderFacts.View(NewId("order"), OrderFacts.Pickup(_storeId));

        await Port.SaveAsync(view);

        // Compared as JSON: a store that serializes views returns equal values in new list instances.
        Assert.Equal(JsonSerializer.Serialize(view), JsonSerializer.Serialize(await Port.GetAsync(view.OrderId)));
    }

    [BehaviourFact]
    public async Task Get_UnknownOrder_ReturnsNull()
    {
        Assert.Null(await Port.GetAsync(NewId("order")));
    }

    [BehaviourFact]
    public async Task Save_NewerVersion_ReplacesTheView()
    {
        var orderId = NewId("order");
        await Port.SaveAsync(OrderFacts.View(orderId, OrderFacts.Pickup(_storeId), OrderStatus.Accepted, version: 1));

        await Port.SaveAsync(OrderFacts.View(orderId, OrderFacts.Pickup(_storeId), OrderStatus.Confirmed, version: 4));

        var stored = await Port.GetAsync(orderId);
        Assert.Equal(4, stored?.Version);
        Assert.Equal(OrderStatus.Confirmed, stored?.Status);
    }

    [BehaviourFact]
    public async Task Save_OlderVersion_KeepsTheNewerView()
    {
        var orderId = NewId("order");
        await Port.SaveAsync(OrderFacts.View(orderId, OrderFacts.Pickup(_storeId), OrderStatus.Confirmed, version: 4));

        await Port.SaveAsync(OrderFacts.View(orderId, OrderFacts.Pickup(_storeId), OrderStatus.Accepted, version: 2));

        Assert.Equal(OrderStatus.Confirmed, (await Port.GetAsync(orderId))?.Status);
    }

    [BehaviourFact]
    public async Task Save_SameVersion_KeepsTheFirstView()
    {
        var orderId = NewId("order");
        await Port.SaveAsync(OrderFacts.View(orderId, OrderFacts.Pickup(_storeId), OrderStatus.Confirmed, version: 3));

        await Port.SaveAsync(OrderFacts.View(orderId, OrderFacts.Pickup(_storeId), OrderStatus.Cancelled, version: 3));

        Assert.Equal(OrderStatus.Confirmed, (await Port.GetAsync(orderId))?.Status);
    }

    [BehaviourFact]
    public async Task Save_ManyVersionsConcurrently_KeepsTheLatest()
    {
        var orderId = NewId("order");

        await RaceAsync(40, async version =>
        {
            await Port.SaveAsync(OrderFacts.View(orderId, OrderFacts.Pickup(_storeId), version: version + 1));
            return version;
        });

        Assert.Equal(40, (await Port.GetAsync(orderId))?.Version);
    }

    [BehaviourFact]
    public async Task ListPickups_WithAStatus_ReturnsThatStoresPickupsInThatStatus()
    {
        var confirmed = await SaveAsync(OrderFacts.Pickup(_storeId), OrderStatus.Confirmed);
        await SaveAsync(OrderFacts.Pickup(_storeId), OrderStatus.ReadyForPickup);
        await SaveAsync(OrderFacts.Pickup(NewId("store")), OrderStatus.Confirmed);

        var queue = await Port.ListPickupsAsync(_storeId, OrderStatus.Confirmed);

        Assert.Equal([confirmed.OrderId], queue.Select(v => v.OrderId));
    }

    [BehaviourFact]
    public async Task ListPickups_WithoutAStatus_ReturnsTheOpenPickupsOnly()
    {
        var confirmed = await SaveAsync(OrderFacts.Pickup(_storeId), OrderStatus.Confirmed, OrderFacts.Epoch);
        var ready = await SaveAsync(OrderFacts.Pickup(_storeId), OrderStatus.ReadyForPickup, OrderFacts.Epoch.AddMinutes(1));
        await SaveAsync(OrderFacts.Pickup(_storeId), OrderStatus.Processing);
        await SaveAsync(OrderFacts.Pickup(_storeId), OrderStatus.Completed);
        await SaveAsync(OrderFacts.Pickup(_storeId), OrderStatus.Cancelled);
        await SaveAsync(OrderFacts.Delivery(), OrderStatus.Confirmed);

        var queue = await Port.ListPickupsAsync(_storeId, status: null);

        Assert.Equal([confirmed.OrderId, ready.OrderId], queue.Select(v => v.OrderId));
    }

    [BehaviourFact]
    public async Task ListPickups_ReturnsTheOldestOrderFirst()
    {
        var newest = await SaveAsync(OrderFacts.Pickup(_storeId), OrderStatus.Confirmed, OrderFacts.Epoch.AddHours(2));
        var oldest = await SaveAsync(OrderFacts.Pickup(_storeId), OrderStatus.Confirmed, OrderFacts.Epoch);
        var middle = await SaveAsync(OrderFacts.Pickup(_storeId), OrderStatus.Confirmed, OrderFacts.Epoch.AddHours(1));

        var queue = await Port.ListPickupsAsync(_storeId, OrderStatus.Confirmed);

        Assert.Equal([oldest.OrderId, middle.OrderId, newest.OrderId], queue.Select(v => v.OrderId));
    }

    [BehaviourFact]
    public async Task ListPickups_AfterAnOrderMovesToAnotherStatus_ListsItUnderItsNewStatusOnly()
    {
        var orderId = NewId("order");
        await SavePickupAsync(orderId, OrderStatus.Confirmed, version: 2);
        await SavePickupAsync(orderId, OrderStatus.ReadyForPickup, version: 3);

        Assert.Empty(await ListedAsync(OrderStatus.Confirmed));
        Assert.Equal([orderId], await ListedAsync(OrderStatus.ReadyForPickup));

        await SavePickupAsync(orderId, OrderStatus.Completed, version: 4);

        Assert.Empty(await ListedAsync(status: null));
        Assert.Equal([orderId], await ListedAsync(OrderStatus.Completed));
    }

    [BehaviourFact]
    public async Task ListPickups_WhenAnOlderViewArrivesLate_ListsTheOrderUnderItsLatestStatus()
    {
        var latest = OrderFacts.View(NewId("order"), OrderFacts.Pickup(_storeId), OrderStatus.ReadyForPickup, version: 3);
        await Port.SaveAsync(latest);
        await Port.SaveAsync(latest with { Status = OrderStatus.Confirmed, Version = 2 });

        Assert.Equal([latest.OrderId], await ListedAsync(OrderStatus.ReadyForPickup));
        Assert.Empty(await ListedAsync(OrderStatus.Confirmed));
    }

    [BehaviourFact]
    public async Task ListPickups_WithTwoStores_ListsEachStoresOrdersOnlyInItsOwnQueue()
    {
        var otherStoreId = NewId("store");
        var here = await SaveAsync(OrderFacts.Pickup(_storeId), OrderStatus.Confirmed);
        var there = await SaveAsync(OrderFacts.Pickup(otherStoreId), OrderStatus.Confirmed);

        Assert.Equal([here.OrderId], (await Port.ListPickupsAsync(_storeId, status: null)).Select(v => v.OrderId));
        Assert.Equal([there.OrderId], (await Port.ListPickupsAsync(otherStoreId, status: null)).Select(v => v.OrderId));
    }

    [BehaviourFact]
    public async Task ListPickups_UnknownStore_ReturnsEmpty()
    {
        Assert.Empty(await Port.ListPickupsAsync(NewId("store"), status: null));
    }

    private Task SavePickupAsync(string orderId, OrderStatus status, int version) =>
        Port.SaveAsync(OrderFacts.View(orderId, OrderFacts.Pickup(_storeId), status, version: version));

    private async Task<IEnumerable<string>> ListedAsync(OrderStatus? status) =>
        (await Port.ListPickupsAsync(_storeId, status)).Select(view => view.OrderId);

    private async Task<OrderView> SaveAsync(Fulfillment fulfillment, OrderStatus status, DateTimeOffset? createdAt = null)
    {
        var view = OrderFacts.View(NewId("order"), fulfillment, status, createdAt: createdAt);
        await Port.SaveAsync(view);
        return view;
    }
}
