using System.Net;
using System.Text;
using AsyncCommerce.Api.Checkout;
using AsyncCommerce.Api.Tests.Support;
using AsyncCommerce.Checkout;
using AsyncCommerce.Inventory;
using AsyncCommerce.Testing;
using static AsyncCommerce.Api.Tests.Support.CheckoutAcceptanceAssertions;

namespace AsyncCommerce.Api.Tests.Checkout;

/// <summary>POST /api/checkouts: the body's media type (415) and size (413, at most 64 KiB); a refused body stores nothing.</summary>
public sealed class AcceptCheckoutBodyLimitsTests
{
    [Fact]
    public async Task Accept_TextPlainBody_Returns415AndStoresNothing()
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();

        using var response = await http.PostCheckoutAsync(CheckoutBody.Pickup().ToJson(), CommerceHttp.NewKey(), "text/plain");

        // Whether this problem carries a detail is JsonRequestBodyTests' concern.
        await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType, requireDetail: false);
        Assert.Equal(0, await CountWorkflowsAsync(app));
    }

    [Fact]
    public async Task Accept_BodyWithoutContentType_Returns415AndStoresNothing()
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/checkouts") { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(CheckoutBody.Pickup().ToJson())) };
        request.Headers.Add(IdempotencyKey.Header, CommerceHttp.NewKey());

        using var response = await http.SendAsync(request);

        await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
        Assert.Equal(0, await CountWorkflowsAsync(app));
    }

    [Fact]
    public async Task Accept_BodyOver64KiB_Returns413AndStoresNothing()
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();

        using var response = await http.PostCheckoutAsync(PaddedCheckout(CheckoutLimits.MaxBodyBytes + 1), CommerceHttp.NewKey());

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(0, await CountWorkflowsAsync(app));
    }

    [Fact]
    public async Task Accept_BodyOfExactly64KiB_IsAccepted()
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();

        using var response = await http.PostCheckoutAsync(PaddedCheckout(CheckoutLimits.MaxBodyBytes), CommerceHttp.NewKey());

        await response.ReadAcceptedAsync();
        await StockLedger.AssertBalancedAsync(app.Get<IInventoryStore>());
    }

    /// <summary>A valid pickup checkout padded with an unknown member to exactly <paramref name="bytes"/> bytes of UTF-8.</summary>
    private static string PaddedCheckout(int bytes)
    {
        var json = CheckoutBody.Pickup().With("padding", string.Empty).ToJson();
        var padded = json.Replace("\"padding\":\"\"", $"\"padding\":\"{new string('x', bytes - Encoding.UTF8.GetByteCount(json))}\"", StringComparison.Ordinal);
        Assert.Equal(bytes, Encoding.UTF8.GetByteCount(padded));
        return padded;
    }
}
