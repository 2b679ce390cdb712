using AsyncCommerce.Checkout;
using AsyncCommerce.Inventory;
using AsyncCommerce.Payments;
using AsyncCommerce.Pickup;
using Microsoft.Extensions.Options;

namespace AsyncCommerce.Api.Checkout;

/// <summary>
/// The checkout saga's input for an accepted order: the validated checkout and the durations in force at acceptance
/// (they travel in the input; <see cref="CheckoutInput"/> says why).
/// </summary>
public sealed class CheckoutSagaInputs(IOptions<PaymentOptions> paymentOptions, IOptions<PickupOptions> pickupOptions, IOptions<WorkflowOptions> workflowOptions)
{
    // One for every order: the options are read once per host, and an input is kept until its workflow is made.
    private WorkflowTimings? _timings;

    public CheckoutInput For(string orderId, ValidatedCheckout checkout)
    {
        ArgumentNullException.ThrowIfNull(checkout);
        var order = checkout.Order;
        return new CheckoutInput(
            orderId,
            order.Fulfillment.Type,
            order.LocationId,
            order.Fulfillment.StoreId,
            order.Total,
            [.. order.Lines.Select(l => new StockLine(l.Sku, l.Quantity))],
            checkout.Payments,
            _timings ??= WorkflowTimings.From(paymentOptions.Value, pickupOptions.Value, workflowOptions.Value));
    }
}
