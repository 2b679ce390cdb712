using AsyncCommerce.Api.Http;
using AsyncCommerce.Checkout;
using AsyncCommerce.Inventory;
using AsyncCommerce.Orders;
using AsyncCommerce.Payments;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AsyncCommerce.LocalHost.Benchmark;

/// <summary>
/// The baseline the asynchronous accept is measured against: the same validation, stock store, gateways and event
/// recording as the checkout saga's steps, run inline while the caller waits (reserve, authorize, capture, commit).
/// It has no idempotency, no cancellation and no durable progress: what a synchronous checkout gives up is not the
/// point, what the caller waits for is.
/// </summary>
public sealed class SynchronousCheckout(
    CheckoutValidator validator, IInventoryStore inventory, SynchronousPayment payment, IPaymentGateway gateway, OrderEventRecorder recorder, TimeProvider clock)
{
    public async Task<Results<Ok<SynchronousCheckoutResult>, BodyRejected, ValidationProblem>> CheckOutAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = await JsonRequestBody.ReadAsync<CheckoutRequest>(request, CheckoutLimits.MaxBodyBytes, cancellationToken);
        if (body.Problem is not null)
            return body.Problem;
        var validation = await validator.ValidateAsync(body.Value!, cancellationToken);
        if (!validation.IsValid)
            return Problems.Validation(validation.Errors);

        return TypedResults.Ok(await RunAsync(validation.Checkout!, cancellationToken));
    }

    private async Task<SynchronousCheckoutResult> RunAsync(ValidatedCheckout checkout, CancellationToken cancellationToken)
    {
        var order = checkout.Order;
        var orderId = $"ord_{Guid.CreateVersion7():N}";
        await RecordAsync(orderId, "placed", order, cancellationToken);

        var lines = order.Lines.Select(line => new StockLine(line.Sku, line.Quantity)).ToList();
        if (!(await inventory.ReserveAsync(orderId, order.LocationId, lines, cancellationToken)).Reserved)
            return await RejectAsync(orderId, StatusReason.OutOfStock, cancellationToken);
        await RecordAsync(orderId, "reserved", new StockReserved(order.LocationId), cancellationToken);

        var authorized = await payment.AuthorizeAsync(orderId, checkout.Payments, order.Total, cancellationToken);
        if (authorized is null)
        {
            await inventory.ReleaseAsync(orderId, cancellationToken);
            await RecordAsync(orderId, "released", new StockReleased(order.LocationId), cancellationToken);
            return await RejectAsync(orderId, StatusReason.PaymentFailed, cancellationToken);
        }

        await RecordAsync(orderId, "authorized", authorized, cancellationToken);
        await RecordAsync(orderId, "confirmed", new OrderConfirmed(order.Fulfillment.Type), cancellationToken);

        // A pickup order is paid when collected: the synchronous part ends with the store's hold on the stock.
        if (order.Fulfillment.Type == FulfillmentType.Pickup)
            return new SynchronousCheckoutResult(orderId, OrderStatus.Confirmed, null, authorized.Method);

        await gateway.CaptureAsync(authorized.AuthorizationId, authorized.Amount, cancellationToken);
        await RecordAsync(orderId, "captured", new PaymentCaptured(authorized.AuthorizationId, authorized.Amount), cancellationToken);
        await inventory.CommitAsync(orderId, cancellationToken);
        await RecordAsync(orderId, "committed", new StockCommitted(order.LocationId), cancellationToken);
        await RecordAsync(orderId, "completed", new OrderCompleted(), cancellationToken);
        return new SynchronousCheckoutResult(orderId, OrderStatus.Completed, null, authorized.Method);
    }

    private async Task<SynchronousCheckoutResult> RejectAsync(string orderId, StatusReason reason, CancellationToken cancellationToken)
    {
        await RecordAsync(orderId, "rejected", new OrderRejected(reason, null), cancellationToken);
        return new SynchronousCheckoutResult(orderId, OrderStatus.Rejected, reason, null);
    }

    private Task<OrderEvent> RecordAsync(string orderId, string step, OrderEventData data, CancellationToken cancellationToken) =>
        recorder.RecordAsync(orderId, $"{orderId}:{step}", clock.GetUtcNow(), data, cancellationToken);
}
