namespace AsyncCommerce.Orders;

/// <summary>Port: where the order read model is kept (CQRS: written only by projections).</summary>
public interface IOrderViewStore
{
    Task<OrderView?> GetAsync(string orderId, CancellationToken cancellationToken = default);

    /// <summary>Stores <paramref name="view"/> unless a view of the same or a later version is already stored.</summary>
    Task SaveAsync(OrderView view, CancellationToken cancellationToken = default);

    /// <summary>The store's pickup queue: its pickup orders in <paramref name="status"/>, or in any open pickup state when null.</summary>
    Task<IReadOnlyList<OrderView>> ListPickupsAsync(string storeId, OrderStatus? status, CancellationToken cancellationToken = default);
}
