using System.Net;
using System.Net.Http.Json;
using System.Text;
using AsyncCommerce.Api.Checkout;
using AsyncCommerce.Api.Inventory;
using AsyncCommerce.Api.OpenApi;
using AsyncCommerce.Notifications;
using AsyncCommerce.Orders;
using AsyncCommerce.Testing.Contract;
using Xunit;

namespace AsyncCommerce.Testing;

/// <summary>The storefront's and the store's calls, as a test makes them.</summary>
public static class CommerceHttp
{
    public static Task<HttpResponseMessage> PostCheckoutAsync(this HttpClient http, CheckoutBody body, string? idempotencyKey = null) =>
        http.PostCheckoutAsync(body?.ToJson() ?? throw new ArgumentNullException(nameof(body)), idempotencyKey ?? NewKey());

    public static async Task<HttpResponseMessage> PostCheckoutAsync(this HttpClient http, string json, string? idempotencyKey, string contentType = "application/json")
    {
        ArgumentNullException.ThrowIfNull(http);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/checkouts")
        {
            Content = new StringContent(json, Encoding.UTF8, contentType),
        };
        if (idempotencyKey is not null)
            request.Headers.Add(IdempotencyKey.Header, idempotencyKey);
        return await http.SendAsync(request);
    }

    /// <summary>Places an order and returns its id, asserting the 202.</summary>
    public static async Task<string> PlaceOrderAsync(this HttpClient http, CheckoutBody body)
    {
        using var response = await http.PostCheckoutAsync(body);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var accepted = await response.Content.ReadFromJsonAsync<CheckoutAccepted>(CommerceJsonDefaults.Options);
        return accepted!.OrderId;
    }

    public static async Task<OrderView?> GetOrderAsync(this HttpClient http, string orderId)
    {
        ArgumentNullException.ThrowIfNull(http);
        using var response = await http.GetAsync(new Uri($"/api/checkouts/{orderId}", UriKind.Relative));
        if (response.StatusCode == HttpStatusCode.NotFound)
            return null;
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<OrderView>(CommerceJsonDefaults.Options);
    }

    public static Task<OrderView> WaitForStatusAsync(this HttpClient http, string orderId, OrderStatus status, TimeSpan? timeout = null) =>
        Eventually.UntilAsync(
            async () => (await http.GetOrderAsync(orderId))!,
            view => view?.Status == status,
            $"order {orderId} to be {status}",
            timeout);

    public static async Task<IReadOnlyList<NotificationRecord>> GetNotificationsAsync(this HttpClient http, string orderId)
    {
        ArgumentNullException.ThrowIfNull(http);
        return (await http.GetFromJsonAsync<IReadOnlyList<NotificationRecord>>(new Uri($"/api/checkouts/{orderId}/notifications", UriKind.Relative), CommerceJsonDefaults.Options))!;
    }

    public static async Task<InventoryResponse> GetInventoryAsync(this HttpClient http, string sku)
    {
        ArgumentNullException.ThrowIfNull(http);
        return (await http.GetFromJsonAsync<InventoryResponse>(new Uri($"/api/inventory/{sku}", UriKind.Relative), CommerceJsonDefaults.Options))!;
    }

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient http, string path, object? body = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        return http.PostAsJsonAsync(new Uri(path, UriKind.Relative), body ?? new { }, CommerceJsonDefaults.Options);
    }

    /// <summary>The order's event stream, oldest first.</summary>
    public static async Task<IReadOnlyList<OrderEventResponse>> GetEventsAsync(this HttpClient http, string orderId)
    {
        ArgumentNullException.ThrowIfNull(http);
        return (await http.GetFromJsonAsync<IReadOnlyList<OrderEventResponse>>(new Uri($"/api/checkouts/{orderId}/events", UriKind.Relative), CommerceJsonDefaults.Options))!;
    }

    public static Task<HttpResponseMessage> SetOnHandAsync(this HttpClient http, string sku, string locationId, int onHand)
    {
        ArgumentNullException.ThrowIfNull(http);
        return http.PutAsJsonAsync(new Uri($"/api/inventory/{sku}/{locationId}", UriKind.Relative), new { onHand }, CommerceJsonDefaults.Options);
    }

    public static Task<HttpResponseMessage> MarkPickupReadyAsync(this HttpClient http, string storeId, string orderId) =>
        http.PostJsonAsync($"/api/stores/{storeId}/pickups/{orderId}/ready");

    public static Task<HttpResponseMessage> CollectPickupAsync(this HttpClient http, string storeId, string orderId, string? code) =>
        http.PostJsonAsync($"/api/stores/{storeId}/pickups/{orderId}/collect", new { code });

    /// <summary>The OpenAPI document the host serves, ready to check exchanges and values against.</summary>
    public static async Task<ServedContract> GetContractAsync(this HttpClient http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return ServedContract.From(await http.GetStringAsync(new Uri(CommerceOpenApi.Path, UriKind.Relative)));
    }

    public static string NewKey() => $"test-{Guid.NewGuid():N}";
}
