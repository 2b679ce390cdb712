using System.Net;
using System.Net.Http.Json;
using AsyncCommerce.Api.Checkout;
using AsyncCommerce.Api.Inventory;
using AsyncCommerce.Orders;
using AsyncCommerce.Testing;

namespace AsyncCommerce.Api.Tests.Support;

/// <summary>Orders brought to the state a test starts from, through the API only.</summary>
public static class OrderScenarios
{
    public const string Store = "store-001";

    public static async Task<string> PlaceConfirmedPickupAsync(this HttpClient http, CheckoutBody? body = null)
    {
        var orderId = await http.PlaceOrderAsync(body ?? CheckoutBody.Pickup(Store));
        await http.WaitForStatusAsync(orderId, OrderStatus.Confirmed);
        return orderId;
    }

    /// <summary>A pickup order the store has marked ready; returns its id and pickup code.</summary>
    public static async Task<(string OrderId, string Code)> PlaceReadyPickupAsync(this HttpClient http, CheckoutBody? body = null)
    {
        var orderId = await http.PlaceConfirmedPickupAsync(body);
        using (var ready = await http.MarkPickupReadyAsync(Store, orderId))
            Assert.Equal(HttpStatusCode.Accepted, ready.StatusCode);
        var view = await http.WaitForStatusAsync(orderId, OrderStatus.ReadyForPickup);
        return (orderId, view.Pickup!.Code!);
    }

    /// <summary>An order whose only payment method is declined, so it waits for a new one.</summary>
    public static async Task<string> PlaceAwaitingPaymentAsync(this HttpClient http, CheckoutBody body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var orderId = await http.PlaceOrderAsync(body.WithPayments(("card", "tok_decline")));
        await http.WaitForStatusAsync(orderId, OrderStatus.AwaitingPaymentMethod);
        return orderId;
    }

    public static async Task<CheckoutAccepted> ReadAcceptedAsync(this HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"Expected 202, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<CheckoutAccepted>(CommerceJsonDefaults.Options))!;
    }

    /// <summary>The SKU's counts at one location, straight from GET /api/inventory.</summary>
    public static async Task<InventoryLocationResponse> GetStockAsync(this HttpClient http, string sku, string locationId) =>
        (await http.GetInventoryAsync(sku)).Locations.Single(l => l.LocationId == locationId);
}
