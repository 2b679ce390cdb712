using AsyncCommerce.Checkout;
using AsyncCommerce.Functions.Pickup;
using AsyncCommerce.Functions.Tests.Support;
using AsyncCommerce.Orders;
using Microsoft.AspNetCore.Http;
using Moq;

namespace AsyncCommerce.Functions.Tests.Pickup;

public sealed class PickupFunctionsTests : IDisposable
{
    private readonly FunctionAppHarness _app = new();

    private PickupFunctions Functions => _app.Functions<PickupFunctions>();

    [Fact]
    public async Task MarkPickupReady_AnotherStoresOrder_Returns404AndRaisesNothing()
    {
        var orderId = await _app.PlaceOrderAsync("store-001");
        await _app.RecordAsync(orderId, new OrderConfirmed(FulfillmentType.Pickup));
        var request = _app.Request("POST", $"/api/stores/store-002/pickups/{orderId}/ready");

        var response = await (await Functions.MarkPickupReady(request, "store-002", orderId, _app.Workflows.Object, CancellationToken.None)).ExecuteAsync(request);

        Assert.Equal(StatusCodes.Status404NotFound, response.StatusCode);
        _app.Workflows.Verify(w => w.RaiseEventAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<object?>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task MarkPickupReady_ConfirmedOrderOfTheStore_Returns202AndRaisesPickupReady()
    {
        var orderId = await _app.PlaceOrderAsync("store-001");
        await _app.RecordAsync(orderId, new OrderConfirmed(FulfillmentType.Pickup));
        var request = _app.Request("POST", $"/api/stores/store-001/pickups/{orderId}/ready");

        var response = await (await Functions.MarkPickupReady(request, "store-001", orderId, _app.Workflows.Object, CancellationToken.None)).ExecuteAsync(request);

        Assert.Equal(StatusCodes.Status202Accepted, response.StatusCode);
        _app.Workflows.Verify(w => w.RaiseEventAsync(orderId, ExternalEvents.PickupReady, It.Is<PickupReadyNotice>(n => n.StoreId == "store-001"), It.IsAny<CancellationToken>()));
    }

    [Fact]
    public async Task MarkPickupReady_OrderNotYetConfirmed_Returns409()
    {
        var orderId = await _app.PlaceOrderAsync("store-001");
        var request = _app.Request("POST", $"/api/stores/store-001/pickups/{orderId}/ready");

        var response = await (await Functions.MarkPickupReady(request, "store-001", orderId, _app.Workflows.Object, CancellationToken.None)).ExecuteAsync(request);

        Assert.Equal(StatusCodes.Status409Conflict, response.StatusCode);
    }

    [Fact]
    public async Task CollectPickup_WrongCode_Returns422()
    {
        var orderId = await ReadyOrderAsync(code: "123456");
        var request = _app.Request("POST", $"/api/stores/store-001/pickups/{orderId}/collect", """{ "code": "654321" }""");

        var response = await (await Functions.CollectPickup(request, "store-001", orderId, _app.Workflows.Object, CancellationToken.None)).ExecuteAsync(request);

        Assert.Equal(StatusCodes.Status422UnprocessableEntity, response.StatusCode);
    }

    [Fact]
    public async Task CollectPickup_RightCode_Returns202AndRaisesPickupCollected()
    {
        var orderId = await ReadyOrderAsync(code: "123456");
        var request = _app.Request("POST", $"/api/stores/store-001/pickups/{orderId}/collect", """{ "code": "123456" }""");

        var response = await (await Functions.CollectPickup(request, "store-001", orderId, _app.Workflows.Object, CancellationToken.None)).ExecuteAsync(request);

        Assert.Equal(StatusCodes.Status202Accepted, response.StatusCode);
        _app.Workflows.Verify(w => w.RaiseEventAsync(orderId, ExternalEvents.PickupCollected, It.IsAny<PickupCollection>(), It.IsAny<CancellationToken>()));
    }

    [Fact]
    public async Task ListStorePickups_FilteredByStatus_ListsTheStoresConfirmedOrders()
    {
        var orderId = await _app.PlaceOrderAsync("store-003");
        await _app.RecordAsync(orderId, new OrderConfirmed(FulfillmentType.Pickup));
        var request = _app.Request("GET", "/api/stores/store-003/pickups");
        request.QueryString = new QueryString("?status=Confirmed");

        var response = await (await Functions.ListStorePickups(request, "store-003", CancellationToken.None)).ExecuteAsync(request);

        Assert.Equal(StatusCodes.Status200OK, response.StatusCode);
        Assert.Equal([orderId], response.Json.EnumerateArray().Select(e => e.GetProperty("orderId").GetString()));
    }

    [Fact]
    public async Task ListStorePickups_UnsupportedStatus_Returns400()
    {
        var request = _app.Request("GET", "/api/stores/store-001/pickups");
        request.QueryString = new QueryString("?status=Completed");

        var response = await (await Functions.ListStorePickups(request, "store-001", CancellationToken.None)).ExecuteAsync(request);

        Assert.Equal(StatusCodes.Status400BadRequest, response.StatusCode);
    }

    private async Task<string> ReadyOrderAsync(string code)
    {
        var orderId = await _app.PlaceOrderAsync("store-001");
        await _app.RecordAsync(orderId, new OrderConfirmed(FulfillmentType.Pickup));
        var now = DateTimeOffset.UtcNow;
        await _app.RecordAsync(orderId, new ReadyForPickup("store-001", code, now, now.AddHours(72)));
        return orderId;
    }

    public void Dispose() => _app.Dispose();
}
