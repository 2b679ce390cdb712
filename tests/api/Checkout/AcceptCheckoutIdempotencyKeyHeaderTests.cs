using AsyncCommerce.Api.Checkout;
using AsyncCommerce.Api.Tests.Support;
using AsyncCommerce.Inventory;
using AsyncCommerce.Testing;
using static AsyncCommerce.Api.Tests.Support.CheckoutAcceptanceAssertions;

namespace AsyncCommerce.Api.Tests.Checkout;

/// <summary>POST /api/checkouts: the Idempotency-Key header's own rules (API.md); a key that breaks them is a 400 keyed by the header, and nothing is stored.</summary>
public sealed class AcceptCheckoutIdempotencyKeyHeaderTests
{
    [Theory]
    [InlineData(8)]
    [InlineData(128)]
    public async Task Accept_IdempotencyKeyOfEightOr128Characters_IsAccepted(int length)
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();

        using var response = await http.PostCheckoutAsync(CheckoutBody.Pickup().ToJson(), new string('k', length));

        await response.ReadAcceptedAsync();
        await StockLedger.AssertBalancedAsync(app.Get<IInventoryStore>());
    }

    [Fact]
    public async Task Accept_IdempotencyKeyWithEveryAllowedPunctuation_IsAccepted()
    {
        await using var app = new CommerceApp();
        var http = app.CreateClient();

        using var response = await http.PostCheckoutAsync(CheckoutBody.Pickup().ToJson(), "Az09-_.:");

        await response.ReadAcceptedAsync();
        await StockLedger.AssertBalancedAsync(app.Get<IInventoryStore>());
    }

    [Fact]
    public async Task Accept_WithoutIdempotencyKey_Returns400AndStoresNothing()
    {
        await using var app = new CommerceApp();

        await AssertRejectedAsync(app, CheckoutBody.Pickup().ToJson(), key: null, IdempotencyKey.Header);
    }

    [Fact]
    public async Task Accept_WithEmptyIdempotencyKey_Returns400AndStoresNothing()
    {
        await using var app = new CommerceApp();

        await AssertRejectedAsync(app, CheckoutBody.Pickup().ToJson(), key: string.Empty, IdempotencyKey.Header);
    }

    [Fact]
    public async Task Accept_WithSevenCharacterIdempotencyKey_Returns400AndStoresNothing()
    {
        await using var app = new CommerceApp();

        await AssertRejectedAsync(app, CheckoutBody.Pickup().ToJson(), "abc-123", IdempotencyKey.Header);
    }

    [Fact]
    public async Task Accept_With129CharacterIdempotencyKey_Returns400AndStoresNothing()
    {
        await using var app = new CommerceApp();

        await AssertRejectedAsync(app, CheckoutBody.Pickup().ToJson(), new string('k', 129), IdempotencyKey.Header);
    }

    [Theory]
    [InlineData("order key 1")]
    [InlineData("order/key/1")]
    [InlineData("order+key=1")]
    [InlineData("order-key-1!")]
    public async Task Accept_WithInvalidCharacterInIdempotencyKey_Returns400AndStoresNothing(string key)
    {
        await using var app = new CommerceApp();

        await AssertRejectedAsync(app, CheckoutBody.Pickup().ToJson(), key, IdempotencyKey.Header);
    }
}
