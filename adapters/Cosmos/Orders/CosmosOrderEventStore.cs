using System.Net;
using AsyncCommerce.Concurrency;
using AsyncCommerce.Orders;
using AsyncCommerce.Telemetry;
using Microsoft.Azure.Cosmos;

namespace AsyncCommerce.Adapters.Cosmos.Orders;

/// <summary>
/// Each order's event stream in one logical partition (<c>/orderId</c>) of the order-events container: a head
/// document with the last sequence, one document per event, one marker per event id.
/// </summary>
/// <remarks>
/// An append reads the head and the event-id marker, then writes head, event and marker in one transactional batch
/// whose head replace is conditional on the ETag read (or a create, for a new stream). Of two writers that read the
/// same head only one batch commits; the other gets 412 (or 409) and re-reads, so sequences stay gap-free and
/// unique, and an event id is stored once however many writers race with it.
/// </remarks>
public sealed class CosmosOrderEventStore : IOrderEventStore
{
    /// <summary>The partition key path the documents of this store are written for.</summary>
    public const string PartitionKeyPath = "/orderId";

    private readonly Container _container;
    private readonly ConflictRetry _retry;

    public CosmosOrderEventStore(Container container, CosmosConflictRetryOptions? conflictRetry = null, TimeProvider? timeProvider = null)
    {
        _container = container ?? throw new ArgumentNullException(nameof(container));
        _retry = (conflictRetry ?? new CosmosConflictRetryOptions()).ToRetry(timeProvider ?? TimeProvider.System);
    }

    public Task<OrderEvent> AppendAsync(string orderId, string eventId, DateTimeOffset occurredAt, OrderEventData data, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(orderId);
        ArgumentException.ThrowIfNullOrEmpty(eventId);
        ArgumentNullException.ThrowIfNull(data);
        return _retry.RunAsync($"Append {eventId} to order {orderId}", token => TryAppendAsync(orderId, eventId, occurredAt, data, token), cancellationToken);
    }

    public async Task<IReadOnlyList<OrderEvent>> ReadAsync(string orderId, int afterSequence = 0, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(orderId);
        var query = new QueryDefinition("SELECT * FROM c WHERE c.docType = @docType AND c.sequence > @afterSequence ORDER BY c.sequence")
            .WithParameter("@docType", OrderStreamDocumentTypes.Event)
            .WithParameter("@afterSequence", Math.Max(afterSequence, 0));
        var options = new QueryRequestOptions { PartitionKey = new PartitionKey(orderId) };
        var documents = await _container.QueryAllAsync<OrderEventDocument>(query, options, cancellationToken);
        return [.. documents.Select(document => document.ToEvent())];
    }

    private async Task<Attempt<OrderEvent>> TryAppendAsync(string orderId, string eventId, DateTimeOffset occurredAt, OrderEventData data, CancellationToken cancellationToken)
    {
        var partition = new PartitionKey(orderId);
        var markerRead = _container.ReadOrNullAsync<EventIdDocument>(EventIdDocument.IdOf(eventId), partition, cancellationToken);
        var headRead = _container.ReadOrNullAsync<StreamHeadDocument>(StreamHeadDocument.HeadId, partition, cancellationToken);
        await Task.WhenAll(markerRead, headRead);

        var marker = await markerRead;
        if (marker is not null)
            return Attempt.Done(await ReadEventAsync(orderId, marker.Document.Sequence, cancellationToken));

        var head = await headRead;
        var appended = new OrderEvent(orderId, (head?.Document.LastSequence ?? 0) + 1, eventId, occurredAt, data, CommerceTelemetry.CurrentTraceParent());
        using var response = await AppendBatch(partition, head, appended).ExecuteAsync(cancellationToken);
        if (response.IsSuccessStatusCode)
            return Attempt.Done(appended);
        // 412: the head moved since it was read. 409: another writer created the stream, this sequence or this
        // event id first. Either way re-read: the next attempt appends after it, or returns the stored event.
        if (response.StatusCode is HttpStatusCode.PreconditionFailed or HttpStatusCode.Conflict)
            return Attempt<OrderEvent>.Retry;
        throw response.ToException($"Append {eventId} to order {orderId}");
    }

    private TransactionalBatch AppendBatch(PartitionKey partition, Stored<StreamHeadDocument>? head, OrderEvent appended)
    {
        var batch = _container.CreateTransactionalBatch(partition);
        var nextHead = StreamHeadDocument.At(appended.OrderId, appended.Sequence);
        batch = head is null
            ? batch.CreateItem(nextHead)
            : batch.ReplaceItem(nextHead.Id, nextHead, new TransactionalBatchItemRequestOptions { IfMatchEtag = head.ETag });
        return batch
            .CreateItem(OrderEventDocument.From(appended))
            .CreateItem(EventIdDocument.For(appended));
    }

    private async Task<OrderEvent> ReadEventAsync(string orderId, int sequence, CancellationToken cancellationToken)
    {
        var response = await _container.ReadItemAsync<OrderEventDocument>(OrderEventDocument.IdOf(sequence), new PartitionKey(orderId), cancellationToken: cancellationToken);
        return response.Resource.ToEvent();
    }
}
