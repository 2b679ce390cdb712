using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AsyncCommerce.Catalog;

namespace AsyncCommerce.LocalHost.Warmup;

/// <summary>
/// The warm-up's orders, sent over HTTP as a storefront and a store send them, in turn: delivery paid by card, a declined
/// card that falls back to the wallet, a flaky card that is retried, a pickup the store readies and hands over, and a
/// pickup the customer cancels while it waits for the store. Each is followed with long polls to its end, so every route, workflow branch and store the real
/// traffic takes runs here first.
/// </summary>
internal sealed class WarmupTraffic(HttpClient http)
{
    private const int Concurrency = 32;

    // Orders of one to three lines, one or two units each: the loops over lines run as they do for real carts.
    private const int MostLines = 3;
    private const int KindCount = 5;
    private const int CollectedPickup = 3;
    private const int CancelledPickup = 4;
    private static readonly string[] EndStatuses = ["Completed", "Cancelled", "Rejected"];
    private static readonly IReadOnlyList<string> Skus = [.. SeedData.Items.Select(item => item.Sku).Where(sku => sku != SeedData.LimitedEditionSku)];

    /// <summary>
    /// Runs <paramref name="orders"/> orders numbered from <paramref name="firstOrder"/> (each number its own customer and
    /// idempotency key, so a later round places new orders); returns how many reached the end their kind leads to.
    /// </summary>
    public async Task<int> RunAsync(int firstOrder, int orders, CancellationToken cancellationToken)
    {
        var asExpected = 0;
        await Parallel.ForEachAsync(
            Enumerable.Range(firstOrder, orders),
            new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = cancellationToken },
            async (index, token) =>
            {
                if (await RunOrderAsync(index, token))
                    Interlocked.Increment(ref asExpected);
            });
        return asExpected;
    }

    private async Task<bool> RunOrderAsync(int index, CancellationToken cancellationToken)
    {
        var kind = index % KindCount;
        var pickupStore = kind >= CollectedPickup ? SeedData.Stores[index / KindCount % SeedData.Stores.Count].StoreId : null;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/checkouts") { Content = JsonContent.Create(Checkout(index, kind, pickupStore)) };
        request.Headers.Add("Idempotency-Key", string.Create(CultureInfo.InvariantCulture, $"warmup-{index}"));
        using var accepted = await http.SendAsync(request, cancellationToken);
        if (accepted.StatusCode != HttpStatusCode.Accepted)
            return false;
        using var acceptance = JsonDocument.Parse(await accepted.Content.ReadAsStreamAsync(cancellationToken));
        var orderId = acceptance.RootElement.GetProperty("orderId").GetString()!;
        var status = await FollowToEndAsync(orderId, pickupStore, cancelWhenConfirmed: kind == CancelledPickup, cancellationToken);
        return status == (kind == CancelledPickup ? "Cancelled" : "Completed");
    }

    private static object Checkout(int index, int kind, string? pickupStore) => new
    {
        customerId = string.Create(CultureInfo.InvariantCulture, $"warmup-{index}"),
        contact = new { email = "warmup@example.com", phone = "+15550000000" },
        currency = SeedData.Currency,
        lines = Enumerable.Range(0, 1 + (index % MostLines)).Select(line => new { sku = Skus[(index + line) % Skus.Count], quantity = 1 + (index % 2) }).ToArray(),
        fulfillment = pickupStore is null
            ? (object)new { type = "delivery", address = new { line1 = "1 Warmup Way", city = "Seattle", postalCode = "98101", country = "US" } }
            : new { type = "pickup", storeId = pickupStore },
        payments = kind switch
        {
            1 => new[] { new { method = "card", token = "tok_decline" }, new { method = "wallet", token = "wal_ok" } },
            2 => [new { method = "card", token = "tok_flaky" }],
            _ => [new { method = "card", token = "tok_visa" }],
        },
    };

    /// <summary>Long-polls the order until it ends, playing the store for a pickup order; returns its last status.</summary>
    private async Task<string?> FollowToEndAsync(string orderId, string? pickupStore, bool cancelWhenConfirmed, CancellationToken cancellationToken)
    {
        string? etag = null;
        string? status = null;
        while (status is null || !EndStatuses.Contains(status))
        {
            using var poll = new HttpRequestMessage(HttpMethod.Get, $"/api/checkouts/{orderId}");
            if (etag is not null)
            {
                poll.Headers.TryAddWithoutValidation("If-None-Match", etag);
                poll.Headers.TryAddWithoutValidation("Prefer", "wait=5");
            }

            using var response = await http.SendAsync(poll, cancellationToken);
            if (response.StatusCode == HttpStatusCode.NotModified)
                continue;
            if (response.StatusCode != HttpStatusCode.OK)
                return status;
            etag = response.Headers.ETag?.ToString();
            using var view = JsonDocument.Parse(await response.Content.ReadAsStreamAsync(cancellationToken));
            status = view.RootElement.GetProperty("status").GetString();
            if (cancelWhenConfirmed && status == "Confirmed")
                (await http.PostAsync(new Uri($"/api/checkouts/{orderId}/cancel", UriKind.Relative), content: null, cancellationToken)).Dispose();
            else if (pickupStore is not null)
                await ServeAtStoreAsync(orderId, pickupStore, status, view.RootElement, cancellationToken);
        }

        return status;
    }

    private async Task ServeAtStoreAsync(string orderId, string storeId, string? status, JsonElement view, CancellationToken cancellationToken)
    {
        var pickups = $"/api/stores/{storeId}/pickups/{orderId}";
        if (status == "Confirmed")
            (await http.PostAsync(new Uri($"{pickups}/ready", UriKind.Relative), content: null, cancellationToken)).Dispose();
        else if (status == "ReadyForPickup" && view.TryGetProperty("pickup", out var pickup) && pickup.TryGetProperty("code", out var code))
            (await http.PostAsJsonAsync(new Uri($"{pickups}/collect", UriKind.Relative), new { code = code.GetString() }, cancellationToken)).Dispose();
    }
}
