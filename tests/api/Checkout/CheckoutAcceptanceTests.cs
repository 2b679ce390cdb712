using AsyncCommerce.Adapters.InMemory.Privacy;
using AsyncCommerce.Api.Checkout;
using AsyncCommerce.Api.Tests.Support;
using AsyncCommerce.Checkout;
using AsyncCommerce.Orders;
using AsyncCommerce.Privacy;
using AsyncCommerce.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace AsyncCommerce.Api.Tests.Checkout;

/// <summary>
/// The acceptance below HTTP: each outcome of a checkout and its Idempotency-Key, on the real stores and the embedded
/// engine. What the route answers for each outcome is the AcceptCheckout*Tests' concern.
/// </summary>
public sealed class CheckoutAcceptanceTests
{
    [Fact]
    public async Task AcceptAsync_ValidCheckout_PlacesTheOrderAndCompletesTheKey()
    {
        await using var app = new CommerceApp();
        var key = CommerceHttp.NewKey();

        var outcome = await AcceptAsync(app, key, CheckoutBody.Pickup());

        var accepted = Assert.IsType<OrderAccepted>(outcome);
        Assert.False(accepted.Replayed);
        var remembered = await app.Get<IIdempotencyStore>().GetAsync(key);
        Assert.Equal((accepted.OrderId, IdempotencyState.Completed), (remembered?.OrderId, remembered?.State));
        await app.CreateClient().WaitForStatusAsync(accepted.OrderId, OrderStatus.Confirmed);
    }

    [Fact]
    public async Task AcceptAsync_SameKeyAndRequestAgain_ReplaysTheSameOrder()
    {
        await using var app = new CommerceApp();
        var key = CommerceHttp.NewKey();
        var first = Assert.IsType<OrderAccepted>(await AcceptAsync(app, key, CheckoutBody.Pickup()));

        var again = await AcceptAsync(app, key, CheckoutBody.Pickup());

        Assert.Equal(new OrderAccepted(first.OrderId, Replayed: true), again);
    }

    [Fact]
    public async Task AcceptAsync_InvalidCheckout_IsInvalidByPathAndLeavesTheKeyUnused()
    {
        await using var app = new CommerceApp();
        var key = CommerceHttp.NewKey();

        var outcome = await AcceptAsync(app, key, CheckoutBody.Pickup("store-999").WithLines(("SKU-1001", 0)));

        var invalid = Assert.IsType<CheckoutInvalid>(outcome);
        Assert.Equal(["fulfillment.storeId", "lines[0].quantity"], invalid.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Null(await app.Get<IIdempotencyStore>().GetAsync(key));
    }

    [Fact]
    public async Task AcceptAsync_SameKeyWithAnotherRequest_IsKeyReusedWithDifferentBody()
    {
        await using var app = new CommerceApp();
        var key = CommerceHttp.NewKey();
        var first = Assert.IsType<OrderAccepted>(await AcceptAsync(app, key, CheckoutBody.Pickup()));

        var outcome = await AcceptAsync(app, key, CheckoutBody.Pickup().WithLines(("SKU-1001", 3)));

        Assert.IsType<KeyReusedWithDifferentBody>(outcome);
        Assert.Equal(first.OrderId, (await app.Get<IIdempotencyStore>().GetAsync(key))?.OrderId);
    }

    [Fact]
    public async Task AcceptAsync_SameRequestWhileAnotherAcceptanceHoldsTheLease_IsStillBeingAccepted()
    {
        await using var app = new CommerceApp(new Dictionary<string, string?> { ["Commerce:Checkout:DuplicateWait"] = "00:00:00" });
        var body = CheckoutBody.Delivery();
        var fingerprint = await FingerprintOfAsync(app, body);
        var key = CommerceHttp.NewKey();
        var inFlight = new IdempotencyRecord(key, fingerprint, "ord_in_flight", IdempotencyState.InProgress, DateTimeOffset.UtcNow);
        await app.Get<IIdempotencyStore>().ClaimAsync(inFlight);

        var outcome = await AcceptAsync(app, key, body);

        Assert.IsType<StillBeingAccepted>(outcome);
        Assert.Equal(inFlight, await app.Get<IIdempotencyStore>().GetAsync(key));
    }

    [Fact]
    public async Task AcceptAsync_NewCheckout_ReadsTheCustomersKeyOnce()
    {
        await using var app = new CommerceApp();
        var keys = new RecordingCustomerKeyStore(new InMemoryCustomerKeyStore());
        using var reservations = new Gate();
        // The saga waits at its first step (reserving stock), so every read recorded is the acceptance's own: after it
        // only a notification opens the contact, and none is due before the order is confirmed.
        var recorded = app.WithGatedReservations(reservations)
            .WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton<ICustomerKeyStore>(keys)));
        var body = CheckoutBody.Pickup();

        var outcome = await AcceptAsync(recorded.Services, CommerceHttp.NewKey(), body);

        var accepted = Assert.IsType<OrderAccepted>(outcome);
        Assert.Equal([new CustomerKeyRead(nameof(ICustomerKeyStore.GetOrCreateAsync), body.CustomerId(), KeyId: null)], keys.Reads);
        reservations.Open();
        await recorded.CreateClient().WaitForStatusAsync(accepted.OrderId, OrderStatus.Confirmed);
    }

    [Fact]
    public async Task AcceptAsync_SameRequestAfterTheCustomersErasure_NoLongerMatchesItsFingerprint()
    {
        await using var app = new CommerceApp();
        var key = CommerceHttp.NewKey();
        var body = CheckoutBody.Pickup();
        Assert.IsType<OrderAccepted>(await AcceptAsync(app, key, body));
        await app.Get<ICustomerKeyStore>().DestroyAsync(body.CustomerId());

        var outcome = await AcceptAsync(app, key, body);

        Assert.IsType<KeyReusedWithDifferentBody>(outcome);
    }

    private static Task<CheckoutOutcome> AcceptAsync(CommerceApp app, string key, CheckoutBody body) => AcceptAsync(app.Services, key, body);

    private static Task<CheckoutOutcome> AcceptAsync(IServiceProvider services, string key, CheckoutBody body) =>
        services.GetRequiredService<CheckoutAcceptance>().AcceptAsync(key, body.ToRequest(), services.GetRequiredService<DurableTaskClient>(), CancellationToken.None);

    // The fingerprint is the acceptance's own business: take it from the record it wrote for the same body under another key.
    private static async Task<string> FingerprintOfAsync(CommerceApp app, CheckoutBody body)
    {
        var key = CommerceHttp.NewKey();
        Assert.IsType<OrderAccepted>(await AcceptAsync(app, key, body));
        return (await app.Get<IIdempotencyStore>().GetAsync(key))!.RequestFingerprint;
    }
}
