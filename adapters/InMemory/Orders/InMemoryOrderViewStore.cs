using System.Collections.Concurrent;
using AsyncCommerce.Orders;

namespace AsyncCommerce.Adapters.InMemory.Orders;

/// <summary>
/// The order read model, kept in memory; a view only ever moves to a later version. Pickup orders are also indexed by
/// store and status, so a store's queue is read from that store's orders in the wanted statuses alone, not from every
/// order the host has seen.
/// </summary>
public sealed class InMemoryOrderViewStore : IOrderViewStore
{
    private static readonly OrderStatus[] OpenPickupStatuses = [OrderStatus.Confirmed, OrderStatus.ReadyForPickup];

    private readonly ConcurrentDictionary<string, OrderView> _views = new(StringComparer.Ordinal);

    // (store, status) → the pickup orders there in that status. Changed under the gate together with the view it
    // follows, so a view moving between statuses (or stores) is listed under its new place only.
    private readonly Dictionary<(string StoreId, OrderStatus Status), HashSet<string>> _pickups = [];
    private readonly Lock _gate = new();

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

        lock (_gate)
        {
            // Two projections racing on one order may finish in either order; the later version must win.
            var stored = _views.GetValueOrDefault(view.OrderId);
            if (stored is not null && view.Version <= stored.Version)
                return Task.CompletedTask;

            _views[view.OrderId] = view;
            Unindex(stored);
            Index(view);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<OrderView>> ListPickupsAsync(string storeId, OrderStatus? status, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(storeId);
        cancellationToken.ThrowIfCancellationRequested();

        var statuses = status is { } wanted ? [wanted] : OpenPickupStatuses;
        List<OrderView> queue = [];
        lock (_gate)
        {
            foreach (var listed in statuses)
            {
                if (_pickups.TryGetValue((storeId, listed), out var orderIds))
                    queue.AddRange(orderIds.Select(orderId => _views[orderId]));
            }
        }

        return Task.FromResult<IReadOnlyList<OrderView>>([.. queue.OrderBy(view => view.CreatedAt).ThenBy(view => view.OrderId, StringComparer.Ordinal)]);
    }

    private static (string StoreId, OrderStatus Status)? PlaceOf(OrderView? view) =>
        view?.Fulfillment is { Type: FulfillmentType.Pickup, StoreId: { } storeId } ? (storeId, view.Status) : null;

    private void Index(OrderView view)
    {
        if (PlaceOf(view) is not { } place)
            return;

        if (!_pickups.TryGetValue(place, out var orderIds))
            _pickups[place] = orderIds = new(StringComparer.Ordinal);
        orderIds.Add(view.OrderId);
    }

    private void Unindex(OrderView? replaced)
    {
        if (PlaceOf(replaced) is { } place && _pickups.TryGetValue(place, out var orderIds) && orderIds.Remove(replaced!.OrderId) && orderIds.Count == 0)
            _pickups.Remove(place);
    }
}
