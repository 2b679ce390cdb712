using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using AsyncCommerce.Api.Checkout;
using AsyncCommerce.Api.Tests.Support;
using AsyncCommerce.Orders;
using AsyncCommerce.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace AsyncCommerce.Api.Tests.Checkout;

/// <summary>
/// Following an order without polling: every order response carries its version as ETag; with If-None-Match and
/// Prefer: wait=N the request is answered as soon as the order changes, or 304 when N seconds pass.
/// </summary>
public sealed class OrderStatusWaitTests
{
    private static readonly TimeSpan ChangeToAnswer = TimeSpan.FromMilliseconds(100);

    [Fact]
    public async Task GetCheckout_AnyOrder_CarriesItsVersionAsETag()
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();
        var orderId = await http.PlaceConfirmedPickupAsync();

        using var response = await http.GetAsync(new Uri($"/api/checkouts/{orderId}", UriKind.Relative));

        var view = await response.Content.ReadFromJsonAsync<OrderView>(CommerceJsonDefaults.Options);
        Assert.Equal($"\"{view!.Version}\"", response.Headers.ETag?.ToString());
    }

    [Fact]
    public async Task GetCheckout_IfNoneMatchTheCurrentVersion_Returns304WithTheETag()
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();
        var (orderId, etag) = await ConfirmedOrderAsync(http);

        using var response = await SendAsync(http, orderId, etag, prefer: null);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Equal(etag, response.Headers.ETag?.ToString());
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task GetCheckout_IfNoneMatchAnOlderVersion_ReturnsTheOrderAtOnce()
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();
        var (orderId, etag) = await ConfirmedOrderAsync(http);

        using var response = await SendAsync(http, orderId, "\"1\"", prefer: "wait=20");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(etag, response.Headers.ETag?.ToString());
    }

    [Fact]
    public async Task GetCheckout_WaitWithoutAChange_Returns304WhenTheWaitEnds()
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();
        var (orderId, etag) = await ConfirmedOrderAsync(http);
        var clock = Stopwatch.StartNew();

        using var response = await SendAsync(http, orderId, etag, prefer: "wait=1");

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Equal(etag, response.Headers.ETag?.ToString());
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task GetCheckout_WaitingWhenTheOrderChanges_AnswersWithin100MillisecondsOfTheChange()
    {
        await using var app = new CommerceApp();
        TimedOrderViewStore views = null!;
        var host = app.WithTimedViews(timed => views = timed);
        var http = host.CreateClient();
        var (orderId, etag) = await ConfirmedOrderAsync(http);
        var seen = Version(etag);

        var waiting = SendAsync(http, orderId, etag, prefer: "wait=20");
        await WaitUntilParkedAsync(host.Services.GetRequiredService<OrderViewChanges>(), orderId);
        using (var ready = await http.MarkPickupReadyAsync(OrderScenarios.Store, orderId))
            Assert.Equal(HttpStatusCode.Accepted, ready.StatusCode);
        using var response = await waiting;
        var answeredAt = Stopwatch.GetTimestamp();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var view = (await response.Content.ReadFromJsonAsync<OrderView>(CommerceJsonDefaults.Options))!;
        Assert.Equal(seen + 1, view.Version);
        Assert.Equal(OrderStatus.ReadyForPickup, view.Status);
        var changeToAnswer = Stopwatch.GetElapsedTime(views.SavedAt(orderId, seen + 1)!.Value, answeredAt);
        Assert.True(changeToAnswer < ChangeToAnswer, $"The answer came {changeToAnswer.TotalMilliseconds:0} ms after the change.");
    }

    [Fact]
    public async Task GetCheckout_ViewSavedByAnotherProcess_IsFoundByTheRecheck()
    {
        // Another host on the same store saves the view: no signal reaches this process, the periodic re-read does.
        await using var app = new CommerceApp(new Dictionary<string, string?> { ["Commerce:Checkout:StatusWaitRecheckInterval"] = "00:00:00.050" });
        var http = app.CreateClient();
        var (orderId, etag) = await ConfirmedOrderAsync(http);
        var store = app.Get<AsyncCommerce.Adapters.InMemory.Orders.InMemoryOrderViewStore>();
        var view = (await store.GetAsync(orderId))!;

        var waiting = SendAsync(http, orderId, etag, prefer: "wait=20");
        await WaitUntilParkedAsync(app.Get<OrderViewChanges>(), orderId);
        await store.SaveAsync(view with { Version = view.Version + 1 });
        using var response = await waiting.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(OrderETag.Format(view.Version + 1), response.Headers.ETag?.ToString());
    }

    [Fact]
    public async Task GetCheckout_UnknownOrderWithWait_Returns404AtOnce()
    {
        await using var app = new CommerceApp();

        using var response = await SendAsync(app.CreateClient(), "ord_does_not_exist", "\"1\"", prefer: "wait=20").WaitAsync(TimeSpan.FromSeconds(5));

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    private static async Task<(string OrderId, string ETag)> ConfirmedOrderAsync(HttpClient http)
    {
        var orderId = await http.PlaceConfirmedPickupAsync();
        using var response = await http.GetAsync(new Uri($"/api/checkouts/{orderId}", UriKind.Relative));
        return (orderId, response.Headers.ETag!.ToString());
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, string orderId, string ifNoneMatch, string? prefer)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/checkouts/{orderId}");
        request.Headers.TryAddWithoutValidation(OrderETag.IfNoneMatchHeader, ifNoneMatch);
        if (prefer is not null)
            request.Headers.TryAddWithoutValidation(PreferWait.Header, prefer);
        return await http.SendAsync(request);
    }

    private static Task<int> WaitUntilParkedAsync(OrderViewChanges changes, string orderId) =>
        Eventually.UntilAsync(() => Task.FromResult(changes.Waiting(orderId)), count => count > 0, $"a status request to wait on {orderId}");

    private static int Version(string etag) => int.Parse(etag.Trim('"'), System.Globalization.CultureInfo.InvariantCulture);
}
