using AsyncCommerce.Adapters.InMemory.Inventory;
using AsyncCommerce.Inventory;
using AsyncCommerce.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace AsyncCommerce.Api.Tests.Support;

/// <summary>The real inventory store, except that reservations wait at <paramref name="reservations"/>.</summary>
public sealed class GatedInventoryStore(IInventoryStore inner, Gate reservations) : IInventoryStore
{
    public async Task<ReservationResult> ReserveAsync(string orderId, string locationId, IReadOnlyList<StockLine> lines, CancellationToken cancellationToken = default)
    {
        await reservations.PassAsync().WaitAsync(cancellationToken);
        return await inner.ReserveAsync(orderId, locationId, lines, cancellationToken);
    }

    public Task<bool> ReleaseAsync(string orderId, CancellationToken cancellationToken = default) => inner.ReleaseAsync(orderId, cancellationToken);

    public Task<bool> CommitAsync(string orderId, CancellationToken cancellationToken = default) => inner.CommitAsync(orderId, cancellationToken);

    public Task<IReadOnlyList<StockLevel>> GetLevelsAsync(string sku, CancellationToken cancellationToken = default) => inner.GetLevelsAsync(sku, cancellationToken);

    public Task<StockLevel> SetOnHandAsync(string sku, string locationId, int onHand, CancellationToken cancellationToken = default) =>
        inner.SetOnHandAsync(sku, locationId, onHand, cancellationToken);
}

public static class GatedReservations
{
    /// <summary>The same host with every stock reservation (the saga's first step) held at <paramref name="reservations"/>.</summary>
    public static WebApplicationFactory<Program> WithGatedReservations(this CommerceApp app, Gate reservations) =>
        app.WithServices(services => services.AddSingleton<IInventoryStore>(
            provider => new GatedInventoryStore(provider.GetRequiredService<InMemoryInventoryStore>(), reservations)));
}
