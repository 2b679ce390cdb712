using System.Text.Json.Nodes;
using AsyncCommerce.Api.Tests.Support;
using AsyncCommerce.Testing;
using static AsyncCommerce.Api.Tests.Support.CheckoutAcceptanceAssertions;

namespace AsyncCommerce.Api.Tests.Checkout;

/// <summary>POST /api/checkouts: every validation rule is a 400 keyed by JSON path; nothing is stored and the key stays unused.</summary>
public sealed class AcceptCheckoutValidationTests
{
    [Fact]
    public async Task Accept_MalformedJson_Returns400KeyedByRootAndStoresNothing()
    {
        await using var app = new CommerceApp();
        var key = CommerceHttp.NewKey();

        await AssertRejectedAsync(app, "this is { not json", key, "$");
        await AssertKeyStartsAFreshOrderAsync(app, key);
    }

    [Fact]
    public async Task Accept_EmptyLines_Returns400KeyedByLinesAndStoresNothing()
    {
        await using var app = new CommerceApp();

        await AssertRejectedThenKeyStillFreshAsync(app, CheckoutBody.Pickup().With("lines", new JsonArray()), "lines");
    }

    [Fact]
    public async Task Accept_WithoutLines_Returns400KeyedByLinesAndStoresNothing()
    {
        await using var app = new CommerceApp();

        await AssertRejectedThenKeyStillFreshAsync(app, CheckoutBody.Pickup().With("lines", null), "lines");
    }

    [Fact]
    public async Task Accept_QuantityZero_Returns400KeyedByQuantityAndStoresNothing()
    {
        await using var app = new CommerceApp();

        await AssertRejectedThenKeyStillFreshAsync(app, CheckoutBody.Pickup().WithLines((Sku, 0)), "lines[0].quantity");
    }

    [Fact]
    public async Task Accept_Quantity101_Returns400KeyedByQuantityAndStoresNothing()
    {
        await using var app = new CommerceApp();

        await AssertRejectedThenKeyStillFreshAsync(app, CheckoutBody.Pickup().WithLines((Sku, 101)), "lines[0].quantity");
    }

    [Fact]
    public async Task Accept_NegativeQuantityOnSecondLine_Returns400KeyedBySecondLine()
    {
        await using var app = new CommerceApp();

        await AssertRejectedThenKeyStillFreshAsync(app, CheckoutBody.Pickup().WithLines((Sku, 1), ("SKU-1002", -1)), "lines[1].quantity");
    }

    [Theory]
    [InlineData("\"2\"")]
    [InlineData("2.5")]
    [InlineData("true")]
    [InlineData("[2]")]
    [InlineData("{ \"value\": 2 }")]
    public async Task Accept_QuantityOfWrongJsonType_Returns400KeyedByQuantityAndStoresNothing(string quantity)
    {
        await using var app = new CommerceApp();

        await AssertRejectedThenKeyStillFreshAsync(app, CheckoutBody.Pickup().WithValue(JsonNode.Parse(quantity), "lines", 0, "quantity"), "lines[0].quantity");
    }

    [Fact]
    public async Task Accept_UnknownSku_Returns400KeyedBySkuAndStoresNothing()
    {
        await using var app = new CommerceApp();

        await AssertRejectedThenKeyStillFreshAsync(app, CheckoutBody.Pickup().WithLines((Sku, 1), ("SKU-9999", 1)), "lines[1].sku");
    }

    [Fact]
    public async Task Accept_PickupWithoutStore_Returns400KeyedByStoreIdAndStoresNothing()
    {
        await using var app = new CommerceApp();
        var body = CheckoutBody.Pickup().WithFulfillment(new JsonObject { ["type"] = "pickup" });

        await AssertRejectedThenKeyStillFreshAsync(app, body, "fulfillment.storeId");
    }

    [Fact]
    public async Task Accept_PickupWithUnknownStore_Returns400KeyedByStoreIdAndStoresNothing()
    {
        await using var app = new CommerceApp();

        await AssertRejectedThenKeyStillFreshAsync(app, CheckoutBody.Pickup("store-999"), "fulfillment.storeId");
    }

    [Fact]
    public async Task Accept_PickupAtFulfillmentCentre_Returns400KeyedByStoreIdAndStoresNothing()
    {
        await using var app = new CommerceApp();

        await AssertRejectedThenKeyStillFreshAsync(app, CheckoutBody.Pickup("dc-001"), "fulfillment.storeId");
    }

    [Fact]
    public async Task Accept_DeliveryWithoutAddress_Returns400KeyedByAddressAndStoresNothing()
    {
        await using var app = new CommerceApp();
        var body = CheckoutBody.Pickup().WithFulfillment(new JsonObject { ["type"] = "delivery" });

        await AssertRejectedThenKeyStillFreshAsync(app, body, "fulfillment.address");
    }

    [Fact]
    public async Task Accept_WithoutFulfillment_Returns400KeyedByFulfillmentAndStoresNothing()
    {
        await using var app = new CommerceApp();

        await AssertRejectedThenKeyStillFreshAsync(app, CheckoutBody.Pickup().With("fulfillment", null), "fulfillment");
    }

    [Fact]
    public async Task Accept_NoPaymentMethods_Returns400KeyedByPaymentsAndStoresNothing()
    {
        await using var app = new CommerceApp();

        await AssertRejectedThenKeyStillFreshAsync(app, CheckoutBody.Pickup().WithPayments(), "payments");
    }

    [Fact]
    public async Task Accept_WithoutPayments_Returns400KeyedByPaymentsAndStoresNothing()
    {
        await using var app = new CommerceApp();

        await AssertRejectedThenKeyStillFreshAsync(app, CheckoutBody.Pickup().With("payments", null), "payments");
    }

    [Fact]
    public async Task Accept_SixPaymentMethods_Returns400KeyedByPaymentsAndStoresNothing()
    {
        await using var app = new CommerceApp();
        var body = CheckoutBody.Pickup().WithPayments([.. Enumerable.Repeat(("card", "tok_visa"), 6)]);

        await AssertRejectedThenKeyStillFreshAsync(app, body, "payments");
    }

    [Fact]
    public async Task Accept_UnknownPaymentMethod_Returns400KeyedByMethodAndStoresNothing()
    {
        await using var app = new CommerceApp();
        var body = CheckoutBody.Pickup().WithPayments(("card", "tok_visa"), ("bitcoin", "btc_ok"));

        await AssertRejectedThenKeyStillFreshAsync(app, body, "payments[1].method");
    }

    [Fact]
    public async Task Accept_PaymentWithoutToken_Returns400KeyedByTokenAndStoresNothing()
    {
        await using var app = new CommerceApp();
        var body = CheckoutBody.Pickup().With("payments", new JsonArray(new JsonObject { ["method"] = "card" }));

        await AssertRejectedThenKeyStillFreshAsync(app, body, "payments[0].token");
    }

    [Fact]
    public async Task Accept_PayInStoreOnDelivery_Returns400KeyedByMethodAndStoresNothing()
    {
        await using var app = new CommerceApp();
        var body = CheckoutBody.Delivery().WithPayments(("payinstore", "store"));

        await AssertRejectedThenKeyStillFreshAsync(app, body, "payments[0].method");
    }

    [Fact]
    public async Task Accept_UnsupportedCurrency_Returns400KeyedByCurrencyAndStoresNothing()
    {
        await using var app = new CommerceApp();

        await AssertRejectedThenKeyStillFreshAsync(app, CheckoutBody.Pickup().With("currency", "EUR"), "currency");
    }

    [Fact]
    public async Task Accept_WithoutCurrency_Returns400KeyedByCurrencyAndStoresNothing()
    {
        await using var app = new CommerceApp();

        await AssertRejectedThenKeyStillFreshAsync(app, CheckoutBody.Pickup().With("currency", null), "currency");
    }

    [Fact]
    public async Task Accept_SeveralProblems_ReportsEveryPathAtOnce()
    {
        await using var app = new CommerceApp();
        var body = CheckoutBody.Pickup("store-999").WithLines((Sku, 0)).WithPayments(("bitcoin", "btc_ok"));

        await AssertRejectedThenKeyStillFreshAsync(app, body, "lines[0].quantity", "fulfillment.storeId", "payments[0].method");
    }
}
