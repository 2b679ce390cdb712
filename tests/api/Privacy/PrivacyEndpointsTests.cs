using System.Net;
using AsyncCommerce.Checkout;
using AsyncCommerce.Privacy;
using AsyncCommerce.Testing;

namespace AsyncCommerce.Api.Tests.Privacy;

/// <summary>DELETE /api/customers/{customerId}/personal-data: the privacy administrator's erasure route.</summary>
public sealed class PrivacyEndpointsTests
{
    [Fact]
    public async Task ErasePersonalData_CustomerWithAnOrder_Answers204AndDestroysTheirKey()
    {
        await using var app = new CommerceApp();
        using var http = app.CreateClient();
        var customerId = $"cust-{Guid.NewGuid():N}";
        await http.PlaceOrderAsync(CheckoutBody.Pickup().With("customerId", customerId));
        var key = await app.Get<ICustomerKeyStore>().GetOrCreateAsync(customerId);

        using var response = await EraseAsync(http, customerId);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Null(await app.Get<ICustomerKeyStore>().FindAsync(customerId, key.KeyId));
    }

    [Fact]
    public async Task ErasePersonalData_Twice_Answers204BothTimes()
    {
        await using var app = new CommerceApp();
        using var http = app.CreateClient();
        var customerId = $"cust-{Guid.NewGuid():N}";
        await http.PlaceOrderAsync(CheckoutBody.Pickup().With("customerId", customerId));

        using var first = await EraseAsync(http, customerId);
        using var second = await EraseAsync(http, customerId);

        Assert.Equal((HttpStatusCode.NoContent, HttpStatusCode.NoContent), (first.StatusCode, second.StatusCode));
    }

    [Fact]
    public async Task ErasePersonalData_CustomerNeverSeen_Answers204()
    {
        await using var app = new CommerceApp();
        using var http = app.CreateClient();

        using var response = await EraseAsync(http, $"cust-{Guid.NewGuid():N}");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    [Fact]
    public async Task ErasePersonalData_CustomerIdLongerThanACheckoutAccepts_Answers400()
    {
        await using var app = new CommerceApp();
        using var http = app.CreateClient();

        using var response = await EraseAsync(http, new string('c', CheckoutLimits.MaxIdLength + 1));

        await response.AssertValidationProblemAsync("customerId");
    }

    [Fact]
    public async Task Checkout_SameKeyAndBodyAfterTheCustomerWasErased_IsADifferentRequest()
    {
        // The stored fingerprint was keyed with the destroyed key: nothing can be matched against it any more.
        await using var app = new CommerceApp();
        using var http = app.CreateClient();
        var body = CheckoutBody.Pickup().With("customerId", $"cust-{Guid.NewGuid():N}");
        var key = CommerceHttp.NewKey();
        (await http.PostCheckoutAsync(body, key)).Dispose();
        using var erased = await EraseAsync(http, body.CustomerId());

        using var again = await http.PostCheckoutAsync(body, key);

        await again.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
    }

    private static Task<HttpResponseMessage> EraseAsync(HttpClient http, string customerId) =>
        http.DeleteAsync(new Uri($"/api/customers/{Uri.EscapeDataString(customerId)}/personal-data", UriKind.Relative));
}
