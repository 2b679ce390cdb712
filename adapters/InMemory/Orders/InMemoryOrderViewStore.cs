using System.Collections.Concurrent;
using AsyncCommerce.Orders;

namespace AsyncCommerce.Adapters.InMemory.Orders;

/// <summary>The order read model, kept in memory; a view only ever moves to a later version.</summary>
public sealed class InMemoryOrderViewStore : IOrderViewStore
{
    private readonly ConcurrentDictionary<string, OrderView> _views = new(StringComparer.Ordinal);

    public Task<OrderView?> GetAsync(string orderId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(orderId);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_views.GetValueOrDefault(orderId));
    }

    public Task SaveAsync(OrderView view, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(view);
        cancellationToken.ThrowIfCancellationRequested();

        // Two projections racing on one order may finish in either order; the later version must win.
        _views.AddOrUpdate(view.OrderId, view, (_, stored) => view.Version > stored.Version ? view : stored);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<OrderView>> ListPickupsAsync(string storeId, OrderStatus? status, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(storeId);
        cancellationToken.ThrowIfCancellationRequested();

        IReadOnlyList<OrderView> queue =
        [
            .. _views.Values
                .Where(view => view.Fulfillment.Type == FulfillmentType.Pickup && view.Fulfillment.StoreId == storeId)
                .Where(view => status is { } wanted ? view.Status == wanted : IsOpenPickup(view.Status))
                .OrderBy(view => view.CreatedAt)
                .ThenBy(view => view.OrderId, StringComparer.Ordinal),
        ];
        return Task.FromResult(queue);
    }

    private static bool IsOpenPickup(OrderStatus status) => status is OrderStatus.Confirmed or OrderStatus.ReadyForPickup;
}
