using AsyncCommerce.Concurrency;
using AsyncCommerce.Orders;
using Microsoft.Azure.Cosmos;

namespace AsyncCommerce.Adapters.Cosmos.Orders;

/// <summary>
/// The order read model: one document per order (id and partition = order id) wrapping the view exactly as the API
/// shows it. A save only moves a view forward: it replaces on the ETag it read, or creates when there is none.
/// </summary>
/// <remarks>
/// The pickup queue is a cross-partition query: it fans out to every physical partition, so its cost grows with
/// the container, while each store's queue stays small and is read by staff apps, not on the checkout path. Keeping
/// the partition key /orderId makes every projection write and status poll a single-partition point operation, which
/// is the hot path. When the fan-out matters, a second projection keyed by store id is the way out.
/// </remarks>
public sealed class CosmosOrderViewStore : IOrderViewStore
{
    /// <summary>The partition key path the documents of this store are written for.</summary>
    public const string PartitionKeyPath = "/orderId";

    private static readonly string[] OpenPickupStatuses = [CosmosJson.NameOf(OrderStatus.Confirmed), CosmosJson.NameOf(OrderStatus.ReadyForPickup)];

    private readonly Container _container;
    private readonly ConflictRetry _retry;

    public CosmosOrderViewStore(Container container, CosmosConflictRetryOptions? conflictRetry = null, TimeProvider? timeProvider = null)
    {
        _container = container ?? throw new ArgumentNullException(nameof(container));
        _retry = (conflictRetry ?? new CosmosConflictRetryOptions()).ToRetry(timeProvider ?? TimeProvider.System);
    }

    public async Task<OrderView?> GetAsync(string orderId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(orderId);
        var stored = await _container.ReadOrNullAsync<OrderViewDocument>(OrderViewDocument.IdOf(orderId), new PartitionKey(orderId), cancellationToken);
        return stored?.Document.View;
    }

    public Task SaveAsync(OrderView view, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(view);
        return _retry.RunAsync($"Save view v{view.Version} of order {view.OrderId}", token => TrySaveAsync(view, token), cancellationToken);
    }

    public async Task<IReadOnlyList<OrderView>> ListPickupsAsync(string storeId, OrderStatus? status, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(storeId);
        var query = new QueryDefinition(
                "SELECT VALUE c FROM c WHERE c.view.fulfillment.type = @pickup AND c.view.fulfillment.storeId = @storeId " +
                "AND ARRAY_CONTAINS(@statuses, c.view.status) ORDER BY c.createdAt")
            .WithParameter("@pickup", CosmosJson.NameOf(FulfillmentType.Pickup))
            .WithParameter("@storeId", storeId)
            .WithParameter("@statuses", status is { } wanted ? [CosmosJson.NameOf(wanted)] : OpenPickupStatuses);
        // No partition key: a cross-partition query (see remarks); the SDK may read the partitions in parallel.
        var options = new QueryRequestOptions { MaxConcurrency = -1 };
        var documents = await _container.QueryAllAsync<OrderViewDocument>(query, options, cancellationToken);
        return [.. documents.OrderBy(document => document.CreatedAt).ThenBy(document => document.OrderId, StringComparer.Ordinal).Select(document => document.View)];
    }

    private async Task<Attempt<bool>> TrySaveAsync(OrderView view, CancellationToken cancellationToken)
    {
        var document = OrderViewDocument.From(view);
        var partition = new PartitionKey(view.OrderId);
        var stored = await _container.ReadOrNullAsync<OrderViewDocument>(document.Id, partition, cancellationToken);
        if (stored is null)
            return await _container.TryCreateAsync(document, partition, cancellationToken) is null ? Attempt<bool>.Retry : Attempt.Done(true);

        // Projections racing on one order may finish in any order: only a later version replaces the view.
        if (stored.Document.View.Version >= view.Version)
            return Attempt.Done(false);
        return await _container.TryReplaceAsync(document, document.Id, partition, stored.ETag, cancellationToken) is null ? Attempt<bool>.Retry : Attempt.Done(true);
    }
}

/// <summary>
/// The stored view: the API's JSON under <c>view</c>, plus its creation instant in UTC at the top level, so that the
/// pickup queue orders by the instant whatever offset a writer used.
/// </summary>
internal sealed record OrderViewDocument(string Id, string OrderId, DateTimeOffset CreatedAt, OrderView View)
{
    public static string IdOf(string orderId) => CosmosId.Escape(orderId);

    public static OrderViewDocument From(OrderView view) => new(IdOf(view.OrderId), view.OrderId, view.CreatedAt.ToUniversalTime(), view);
}
