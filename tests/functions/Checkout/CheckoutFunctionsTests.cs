using AsyncCommerce.Checkout;
using AsyncCommerce.Functions.Checkout;
using AsyncCommerce.Functions.Tests.Support;
using AsyncCommerce.Orders;
using AsyncCommerce.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace AsyncCommerce.Functions.Tests.Checkout;

public sealed class CheckoutFunctionsTests : IDisposable
{
    private readonly FunctionAppHarness _app = new();

    private CheckoutFunctions Functions => _app.Functions<CheckoutFunctions>();

    [Fact]
    public async Task AcceptCheckout_WithValidOrder_Returns202AndSchedulesTheSagaUnderTheOrderId()
    {
        var request = _app.Request("POST", "/api/checkouts", CheckoutBody.Pickup().ToJson(), idempotencyKey: "key-accept-1");

        var response = await (await Functions.AcceptCheckout(request, _app.Workflows.Object, CancellationToken.None)).ExecuteAsync(request);

        Assert.Equal(StatusCodes.Status202Accepted, response.StatusCode);
        var orderId = response.Json.GetProperty("orderId").GetString()!;
        Assert.Equal("Accepted", response.Json.GetProperty("status").GetString());
        Assert.Equal($"/api/checkouts/{orderId}", response.Json.GetProperty("statusUrl").GetString());
        Assert.Equal($"/api/checkouts/{orderId}", response.Headers.Location.ToString());
        Assert.False(string.IsNullOrEmpty(response.Headers.RetryAfter));
        _app.Workflows.Verify(w => w.ScheduleNewOrchestrationInstanceAsync(
            new TaskName(nameof(CheckoutSaga)),
            It.Is<CheckoutInput>(input => input.OrderId == orderId && input.StoreId == "store-001"),
            It.Is<StartOrchestrationOptions>(options => options.InstanceId == orderId),
            It.IsAny<CancellationToken>()));
    }

    [Fact]
    public async Task AcceptCheckout_Response_CarriesNoDurableManagementUrls()
    {
        var request = _app.Request("POST", "/api/checkouts", CheckoutBody.Pickup().ToJson(), idempotencyKey: "key-accept-2");

        var response = await (await Functions.AcceptCheckout(request, _app.Workflows.Object, CancellationToken.None)).ExecuteAsync(request);

        Assert.DoesNotContain("runtime/webhooks", response.Body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("statusQueryGetUri", response.Body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("code=", response.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AcceptCheckout_WithNoLines_Returns400AndSchedulesNothing()
    {
        var request = _app.Request("POST", "/api/checkouts", CheckoutBody.Pickup().WithLines().ToJson(), idempotencyKey: "key-invalid-1");

        var response = await (await Functions.AcceptCheckout(request, _app.Workflows.Object, CancellationToken.None)).ExecuteAsync(request);

        Assert.Equal(StatusCodes.Status400BadRequest, response.StatusCode);
        Assert.StartsWith("application/problem+json", response.ContentType, StringComparison.Ordinal);
        Assert.True(response.Json.GetProperty("errors").TryGetProperty("lines", out _), response.Body);
        _app.Workflows.Verify(
            w => w.ScheduleNewOrchestrationInstanceAsync(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()),
            Times.Never);
    }

    [Fact]
    public async Task AcceptCheckout_WithoutIdempotencyKey_Returns400()
    {
        var request = _app.Request("POST", "/api/checkouts", CheckoutBody.Pickup().ToJson());

        var response = await (await Functions.AcceptCheckout(request, _app.Workflows.Object, CancellationToken.None)).ExecuteAsync(request);

        Assert.Equal(StatusCodes.Status400BadRequest, response.StatusCode);
        Assert.True(response.Json.GetProperty("errors").TryGetProperty("Idempotency-Key", out _), response.Body);
    }

    [Fact]
    public async Task GetCheckout_AcceptedOrder_Returns200WithTheReadModel()
    {
        var orderId = await _app.PlaceOrderAsync();
        var request = _app.Request("GET", $"/api/checkouts/{orderId}");

        var response = await (await Functions.GetCheckout(request, orderId, CancellationToken.None)).ExecuteAsync(request);

        Assert.Equal(StatusCodes.Status200OK, response.StatusCode);
        Assert.Equal(orderId, response.Json.GetProperty("orderId").GetString());
        Assert.Equal("Accepted", response.Json.GetProperty("status").GetString());
        Assert.Equal("store-001", response.Json.GetProperty("fulfillment").GetProperty("storeId").GetString());
    }

    [Fact]
    public async Task GetCheckout_AcceptedOrder_CarriesItsVersionAsETag()
    {
        var orderId = await _app.PlaceOrderAsync();
        var request = _app.Request("GET", $"/api/checkouts/{orderId}");

        var response = await (await Functions.GetCheckout(request, orderId, CancellationToken.None)).ExecuteAsync(request);

        Assert.Equal("\"1\"", response.Headers.ETag.ToString());
    }

    [Fact]
    public async Task GetCheckout_WaitingWhenTheOrderChanges_AnswersWithTheNewVersion()
    {
        var orderId = await _app.PlaceOrderAsync();
        var request = WaitingRequest(orderId, "\"1\"", "wait=20");

        var answer = Functions.GetCheckout(request, orderId, CancellationToken.None);
        await Eventually.UntilAsync(() => Task.FromResult(_app.Services.GetRequiredService<OrderViewChanges>().Waiting(orderId)), n => n > 0, "the request to wait");
        await _app.RecordAsync(orderId, new StockReserved("store-001"));
        var response = await (await answer.WaitAsync(TimeSpan.FromSeconds(5))).ExecuteAsync(request);

        Assert.Equal(StatusCodes.Status200OK, response.StatusCode);
        Assert.Equal("\"2\"", response.Headers.ETag.ToString());
        Assert.Equal(2, response.Json.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task GetCheckout_WaitWithoutAChange_Returns304()
    {
        var orderId = await _app.PlaceOrderAsync();
        var request = WaitingRequest(orderId, "\"1\"", "wait=1");

        var response = await (await Functions.GetCheckout(request, orderId, CancellationToken.None)).ExecuteAsync(request);

        Assert.Equal(StatusCodes.Status304NotModified, response.StatusCode);
        Assert.Equal("\"1\"", response.Headers.ETag.ToString());
        Assert.Empty(response.Body);
    }

    [Fact]
    public async Task GetCheckout_UnknownOrder_Returns404Problem()
    {
        var request = _app.Request("GET", "/api/checkouts/ord_unknown");

        var response = await (await Functions.GetCheckout(request, "ord_unknown", CancellationToken.None)).ExecuteAsync(request);

        Assert.Equal(StatusCodes.Status404NotFound, response.StatusCode);
        Assert.StartsWith("application/problem+json", response.ContentType, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetCheckoutEvents_AcceptedOrder_ReturnsItsStream()
    {
        var orderId = await _app.PlaceOrderAsync();
        var request = _app.Request("GET", $"/api/checkouts/{orderId}/events");

        var response = await (await Functions.GetCheckoutEvents(request, orderId, CancellationToken.None)).ExecuteAsync(request);

        Assert.Equal(StatusCodes.Status200OK, response.StatusCode);
        Assert.Equal(nameof(OrderPlaced), response.Json[0].GetProperty("type").GetString());
    }

    [Fact]
    public async Task GetCheckoutNotifications_UnknownOrder_Returns404()
    {
        var request = _app.Request("GET", "/api/checkouts/ord_unknown/notifications");

        var response = await (await Functions.GetCheckoutNotifications(request, "ord_unknown", CancellationToken.None)).ExecuteAsync(request);

        Assert.Equal(StatusCodes.Status404NotFound, response.StatusCode);
    }

    [Fact]
    public async Task CancelCheckout_OrderInProgress_Returns202AndRaisesCancelOrder()
    {
        var orderId = await _app.PlaceOrderAsync();
        var request = _app.Request("POST", $"/api/checkouts/{orderId}/cancel");

        var response = await (await Functions.CancelCheckout(request, orderId, _app.Workflows.Object, CancellationToken.None)).ExecuteAsync(request);

        Assert.Equal(StatusCodes.Status202Accepted, response.StatusCode);
        _app.Workflows.Verify(w => w.RaiseEventAsync(orderId, ExternalEvents.CancelOrder, It.IsAny<CancellationRequest>(), It.IsAny<CancellationToken>()));
    }

    [Fact]
    public async Task CancelCheckout_RejectedOrder_Returns409AndRaisesNothing()
    {
        var orderId = await _app.PlaceOrderAsync();
        await _app.RecordAsync(orderId, new OrderRejected(StatusReason.OutOfStock, "Not enough stock."));
        var request = _app.Request("POST", $"/api/checkouts/{orderId}/cancel");

        var response = await (await Functions.CancelCheckout(request, orderId, _app.Workflows.Object, CancellationToken.None)).ExecuteAsync(request);

        Assert.Equal(StatusCodes.Status409Conflict, response.StatusCode);
        _app.Workflows.Verify(w => w.RaiseEventAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<object?>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task AddPaymentMethod_OrderNotAwaitingPayment_Returns409()
    {
        var orderId = await _app.PlaceOrderAsync();
        var request = _app.Request("POST", $"/api/checkouts/{orderId}/payments", """{ "method": "wallet", "token": "wal_ok" }""");

        var response = await (await Functions.AddPaymentMethod(request, orderId, _app.Workflows.Object, CancellationToken.None)).ExecuteAsync(request);

        Assert.Equal(StatusCodes.Status409Conflict, response.StatusCode);
    }

    private HttpRequest WaitingRequest(string orderId, string ifNoneMatch, string prefer)
    {
        var request = _app.Request("GET", $"/api/checkouts/{orderId}");
        request.Headers.IfNoneMatch = ifNoneMatch;
        request.Headers["Prefer"] = prefer;
        return request;
    }

    public void Dispose() => _app.Dispose();
}
