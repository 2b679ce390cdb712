using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AsyncCommerce.LocalHost.Benchmark;
using AsyncCommerce.Orders;

namespace AsyncCommerce.Benchmarks.CheckoutThroughput.Load.Api;

/// <summary>
/// The calls the tool makes, as the storefront, the customer, the store staff and the inventory admin make them. Two
/// connection pools: the checkouts' (as many connections as the run asks for, so that a slow follow-up never holds a
/// checkout back) and the followers'.
/// </summary>
internal sealed class CommerceClient : IDisposable
{
    public const string FunctionKeyHeader = "x-functions-key";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly HttpClient _checkouts;
    private readonly HttpClient _followers;
    private readonly LoadSettings _settings;

    public CommerceClient(Uri baseAddress, LoadSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _settings = settings;
        _checkouts = Create(baseAddress, settings.Connections, settings.FunctionKey);
        _followers = Create(baseAddress, settings.Followers + 8, settings.FunctionKey);
    }

    public Task<HttpResponseMessage> PostCheckoutAsync(byte[] body, string idempotencyKey, CancellationToken cancellationToken)
    {
        var request = JsonRequest(HttpMethod.Post, "/api/checkouts", body);
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        return SendAsync(_checkouts, request, cancellationToken);
    }

    public Task<HttpResponseMessage> PostSynchronousCheckoutAsync(byte[] body, CancellationToken cancellationToken) =>
        SendAsync(_checkouts, JsonRequest(HttpMethod.Post, SynchronousCheckoutEndpoint.Path, body), cancellationToken);

    /// <summary>The order now, or once it changes from <paramref name="etag"/> within <paramref name="wait"/> (null: no change).</summary>
    public async Task<(OrderSnapshot? Order, string? ETag, HttpResponseMessage Response)> GetOrderAsync(string orderId, string? etag, int waitSeconds, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/checkouts/{orderId}");
        if (etag is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", etag);
            request.Headers.TryAddWithoutValidation("Prefer", $"wait={waitSeconds}");
        }

        var response = await SendAsync(_followers, request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
            return (null, etag, response);
        var order = await response.Content.ReadFromJsonAsync<OrderSnapshot>(Json, cancellationToken);
        return (order, response.Headers.ETag?.ToString(), response);
    }

    public async Task<IReadOnlyList<EventEntry>> GetEventsAsync(string orderId, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(_followers, new HttpRequestMessage(HttpMethod.Get, $"/api/checkouts/{orderId}/events"), cancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<IReadOnlyList<EventEntry>>(Json, cancellationToken) ?? [];
    }

    public Task<HttpResponseMessage> CancelAsync(string orderId, CancellationToken cancellationToken) =>
        SendAsync(_followers, JsonRequest(HttpMethod.Post, $"/api/checkouts/{orderId}/cancel", "{}"), cancellationToken);

    public Task<HttpResponseMessage> AddPaymentAsync(string orderId, string method, string token, CancellationToken cancellationToken) =>
        SendAsync(_followers, JsonRequest(HttpMethod.Post, $"/api/checkouts/{orderId}/payments", JsonSerializer.Serialize(new { method, token }, Json)), cancellationToken);

    public Task<HttpResponseMessage> MarkReadyAsync(string storeId, string orderId, CancellationToken cancellationToken) =>
        SendAsync(_followers, Staff(JsonRequest(HttpMethod.Post, $"/api/stores/{storeId}/pickups/{orderId}/ready", "{}")), cancellationToken);

    public Task<HttpResponseMessage> CollectAsync(string storeId, string orderId, string code, CancellationToken cancellationToken) =>
        SendAsync(_followers, Staff(JsonRequest(HttpMethod.Post, $"/api/stores/{storeId}/pickups/{orderId}/collect", JsonSerializer.Serialize(new { code }, Json))), cancellationToken);

    public async Task<IReadOnlyList<CatalogEntry>> GetCatalogAsync(CancellationToken cancellationToken) =>
        await _followers.GetFromJsonAsync<IReadOnlyList<CatalogEntry>>(new Uri("/api/catalog", UriKind.Relative), Json, cancellationToken) ?? [];

    public async Task<IReadOnlyList<StoreEntry>> GetStoresAsync(CancellationToken cancellationToken) =>
        await _followers.GetFromJsonAsync<IReadOnlyList<StoreEntry>>(new Uri("/api/stores", UriKind.Relative), Json, cancellationToken) ?? [];

    /// <summary>PUT /api/inventory: the physical count of each SKU at each location.</summary>
    public async Task SetStockLevelsAsync(IEnumerable<(string Sku, string LocationId, int OnHand)> levels, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.Serialize(new { levels = levels.Select(l => new { sku = l.Sku, locationId = l.LocationId, onHand = l.OnHand }) }, Json);
        var request = JsonRequest(HttpMethod.Put, "/api/inventory", body);
        if (_settings.AdminToken is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _settings.AdminToken);
        using var response = await SendAsync(_followers, request, cancellationToken);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"The restock before the run failed: {await CallFailure.DescribeAsync("PUT /api/inventory", response, cancellationToken)}.");
    }

    public void Dispose()
    {
        _checkouts.Dispose();
        _followers.Dispose();
    }

    private HttpRequestMessage Staff(HttpRequestMessage request)
    {
        if (_settings.StaffToken is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _settings.StaffToken);
        return request;
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using (request)
            return await http.SendAsync(request, cancellationToken);
    }

    private static HttpRequestMessage JsonRequest(HttpMethod method, string path, string body) =>
        JsonRequest(method, path, Encoding.UTF8.GetBytes(body));

    private static HttpRequestMessage JsonRequest(HttpMethod method, string path, byte[] utf8Body) =>
        new(method, path) { Content = new ByteArrayContent(utf8Body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json", "utf-8") } } };

    private static HttpClient Create(Uri baseAddress, int connections, string? functionKey)
    {
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5) })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(60),
        };
        if (functionKey is not null)
            http.DefaultRequestHeaders.Add(FunctionKeyHeader, functionKey);
        return http;
    }
}
