using System.Net;
using AsyncCommerce.Api.Checkout;
using AsyncCommerce.Api.Tests.Support;
using AsyncCommerce.Checkout;
using AsyncCommerce.Orders;
using AsyncCommerce.Testing;
using Microsoft.Extensions.Options;

namespace AsyncCommerce.Api.Tests.Checkout;

/// <summary>
/// POST /api/checkouts over a key's whole life: forgotten after its retention, and taken over after a crash. The
/// idempotency store is seeded with the record an earlier request left, its claim dated in the past, so the real clock
/// (and the real engine, whose activities wait on it) runs the order to its end.
/// </summary>
public sealed class IdempotencyKeyLifecycleTests
{
    [Fact]
    public async Task Accept_KeyReusedAfterItsRetention_PlacesANewOrder()
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();
        var key = CommerceHttp.NewKey();
        var forgotten = await SeedAsync(app, key, "a body of long ago", NewOrderId(), IdempotencyState.Completed, Settings(app).IdempotencyRetention + TimeSpan.FromMinutes(1));

        using var response = await http.PostCheckoutAsync(CheckoutBody.Delivery(), key);

        var accepted = await response.ReadAcceptedAsync();
        Assert.NotEqual(forgotten.OrderId, accepted.OrderId);
        Assert.False(response.Headers.Contains(IdempotencyKey.ReplayedHeader));
        var remembered = await app.Get<IIdempotencyStore>().GetAsync(key);
        Assert.Equal(accepted.OrderId, remembered?.OrderId);
        Assert.Equal(IdempotencyState.Completed, remembered?.State);
        await http.WaitForStatusAsync(accepted.OrderId, OrderStatus.Completed);
        Assert.Null(await http.GetOrderAsync(forgotten.OrderId));
    }

    [Fact]
    public async Task Accept_SameBodyAfterAnAcceptanceCrashedPastItsLease_FinishesTheOrderUnderItsOriginalId()
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();
        var body = CheckoutBody.Delivery();
        var fingerprint = await FingerprintOfAsync(app, http, body);
        var key = CommerceHttp.NewKey();
        var crashed = await SeedAsync(app, key, fingerprint, NewOrderId(), IdempotencyState.InProgress, Settings(app).AcceptanceLease + TimeSpan.FromSeconds(5));

        using var response = await http.PostCheckoutAsync(body, key);

        var accepted = await response.ReadAcceptedAsync();
        Assert.Equal(crashed.OrderId, accepted.OrderId);
        Assert.False(response.Headers.Contains(IdempotencyKey.ReplayedHeader));
        Assert.Equal(IdempotencyState.Completed, (await app.Get<IIdempotencyStore>().GetAsync(key))?.State);
        var completed = await http.WaitForStatusAsync(crashed.OrderId, OrderStatus.Completed);
        Assert.Equal(crashed.OrderId, completed.OrderId);
    }

    [Fact]
    public async Task Accept_SameBodyWhileAnotherAcceptanceHoldsItsLease_Returns409AndLeavesTheClaim()
    {
        await using var app = new CommerceApp(new Dictionary<string, string?> { ["Commerce:Checkout:DuplicateWait"] = "00:00:00" });
        var http = app.CreateClient();
        var body = CheckoutBody.Delivery();
        var fingerprint = await FingerprintOfAsync(app, http, body);
        var key = CommerceHttp.NewKey();
        var inFlight = await SeedAsync(app, key, fingerprint, NewOrderId(), IdempotencyState.InProgress, TimeSpan.FromSeconds(1));

        using var response = await http.PostCheckoutAsync(body, key);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(inFlight, await app.Get<IIdempotencyStore>().GetAsync(key));
        Assert.Null(await http.GetOrderAsync(inFlight.OrderId));
    }

    // The fingerprint is the API's own business (a hash of the request as parsed): take it from a record the API
    // wrote for the same body under another key, rather than computing it a second way here.
    private static async Task<string> FingerprintOfAsync(CommerceApp app, HttpClient http, CheckoutBody body)
    {
        var key = CommerceHttp.NewKey();
        using var response = await http.PostCheckoutAsync(body, key);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var record = await app.Get<IIdempotencyStore>().GetAsync(key);
        return record!.RequestFingerprint;
    }

    private static async Task<IdempotencyRecord> SeedAsync(CommerceApp app, string key, string fingerprint, string orderId, IdempotencyState state, TimeSpan age)
    {
        var record = new IdempotencyRecord(key, fingerprint, orderId, state, DateTimeOffset.UtcNow - age);
        Assert.Equal(record, await app.Get<IIdempotencyStore>().ClaimAsync(record));
        return record;
    }

    private static CheckoutOptions Settings(CommerceApp app) => app.Get<IOptions<CheckoutOptions>>().Value;

    private static string NewOrderId() => $"ord_{Guid.CreateVersion7():N}";
}
