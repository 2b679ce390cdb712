using AsyncCommerce.Concurrency;
using AsyncCommerce.Orders;
using Azure.Data.Tables;

namespace AsyncCommerce.Adapters.AzureStorage.Orders;

/// <summary>
/// The order read model: one entity per order in the views table (PartitionKey = order id, RowKey <c>view</c>)
/// holding the view exactly as the API shows it, and, for pickup orders, a row in the pickup-queue table under the
/// store (PartitionKey = store id, RowKey = order id), so a store's queue is one partition query. A save only moves a
/// view forward: each row is inserted, or replaced on the ETag read when it holds an older version.
/// </summary>
/// <remarks>
/// The two rows cannot share a transaction (two tables). The queue row is written first: a crash between the two
/// leaves the view at the older version, so the projection, which re-runs from the view's version, saves the same
/// view again and finds the queue row already there. Written the other way round, a crash would leave a queue row
/// behind its view with nothing to repair it. Queue rows stay when an order leaves the open pickup states, with their
/// status, because the queue can be listed in any status (completed pickups of a store, say).
/// </remarks>
public sealed class TableOrderViewStore : IOrderViewStore
{
    private static readonly string ConfirmedStatus = OrderStatus.Confirmed.ToString();
    private static readonly string ReadyForPickupStatus = OrderStatus.ReadyForPickup.ToString();

    private readonly TableClient _views;
    private readonly TableClient _pickupQueue;
    private readonly VersionedRowWriter<OrderViewEntity> _viewRows;
    private readonly VersionedRowWriter<PickupQueueEntity> _queueRows;
    private readonly ConflictRetry _retry;

    /// <param name="views">The table of the views, one partition per order.</param>
    /// <param name="pickupQueue">The table of the pickup queues, one partition per store.</param>
    public TableOrderViewStore(TableClient views, TableClient pickupQueue, TableConflictRetryOptions? conflictRetry = null, TimeProvider? timeProvider = null)
    {
        _views = views ?? throw new ArgumentNullException(nameof(views));
        _pickupQueue = pickupQueue ?? throw new ArgumentNullException(nameof(pickupQueue));
        _viewRows = new VersionedRowWriter<OrderViewEntity>(views);
        _queueRows = new VersionedRowWriter<PickupQueueEntity>(pickupQueue);
        _retry = (conflictRetry ?? new TableConflictRetryOptions()).ToRetry(timeProvider ?? TimeProvider.System);
    }

    public async Task<OrderView?> GetAsync(string orderId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(orderId);
        var stored = await _views.ReadOrNullAsync<OrderViewEntity>(TableKeys.Escape(orderId), OrderViewEntity.ViewRowKey, cancellationToken);
        return stored?.ToView();
    }

    public Task SaveAsync(OrderView view, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentException.ThrowIfNullOrEmpty(view.OrderId);
        var viewJson = TableJson.Serialize(view, $"The view v{view.Version} of order {view.OrderId}");
        return _retry.RunAsync($"Save view v{view.Version} of order {view.OrderId}", token => TrySaveAsync(view, viewJson, token), cancellationToken);
    }

    public async Task<IReadOnlyList<OrderView>> ListPickupsAsync(string storeId, OrderStatus? status, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(storeId);
        var partition = TableKeys.Escape(storeId);
        var filter = status is { } wanted
            ? TableClient.CreateQueryFilter($"PartitionKey eq {partition} and Status eq {wanted.ToString()}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {partition} and (Status eq {ConfirmedStatus} or Status eq {ReadyForPickupStatus})");
        var views = new List<OrderView>();
        await foreach (var row in _pickupQueue.QueryAsync<PickupQueueEntity>(filter, cancellationToken: cancellationToken))
            views.Add(row.ToView());
        return [.. views.OrderBy(view => view.CreatedAt).ThenBy(view => view.OrderId, StringComparer.Ordinal)];
    }

    private async Task<Attempt<bool>> TrySaveAsync(OrderView view, string viewJson, CancellationToken cancellationToken)
    {
        // Projections racing on one order may finish in any order: only a later version replaces a row. A queue row at
        // a later version already means that version's save is under way, or crashed before its view row (and will be
        // redone), so the view row is still written.
        if (PickupStoreOf(view) is { } storeId)
        {
            var queued = PickupQueueEntity.From(storeId, view, viewJson);
            if (await _queueRows.TryWriteAsync(queued, cancellationToken) is null)
                return Attempt<bool>.Retry;
            if (view.Status.IsFinal())
                _queueRows.Forget(queued);
        }

        var row = OrderViewEntity.From(view, viewJson);
        var written = await _viewRows.TryWriteAsync(row, cancellationToken);
        if (view.Status.IsFinal())
            _viewRows.Forget(row);
        return written is { } saved ? Attempt.Done(saved) : Attempt<bool>.Retry;
    }

    private static string? PickupStoreOf(OrderView view) =>
        view.Fulfillment is { Type: FulfillmentType.Pickup, StoreId: { Length: > 0 } storeId } ? storeId : null;
}
