using AsyncCommerce.Caching;
using AsyncCommerce.Concurrency;
using AsyncCommerce.Orders;
using AsyncCommerce.Telemetry;
using Azure;
using Azure.Data.Tables;

namespace AsyncCommerce.Adapters.AzureStorage.Orders;

/// <summary>
/// Each order's event stream in one partition (PartitionKey = order id) of the events table: a head entity with the
/// last sequence and the published mark, one entity per event, one marker per event id. The same streams seen as an
/// outbox keep, in the outbox table, one marker per order that may have unpublished events.
/// </summary>
/// <remarks>
/// <para>
/// An append reads the head and the event-id marker, then writes head, event and marker in one entity-group
/// transaction whose head write is an insert (new stream) or a replace on the ETag read. Of two writers that read the
/// same head only one transaction commits; the other gets 412 (or 409) and re-reads, so sequences stay gap-free and
/// unique, and an event id is stored once however many writers race with it.
/// </para>
/// <para>
/// The outbox marker lives in another table, so it cannot join that transaction; this protocol keeps "a stream with
/// events above its mark has a marker" true without one:
/// </para>
/// <list type="number">
/// <item>An append that reads a head with <c>Pending</c> false (or no head) upserts the marker before its
/// transaction, and the transaction sets <c>Pending</c>. A head with <c>Pending</c> true means an earlier append
/// already wrote the marker and no mark has since removed it.</item>
/// <item>MarkPublished reads the marker (keeping its ETag), then replaces the head on the head's ETag, always, even
/// when nothing changes: that write is what makes every append that read the head before it fail and re-read. Only
/// when the new head is caught up does it delete the marker, on the marker's ETag.</item>
/// <item>So an append that commits after the mark's head write read the head after it, saw <c>Pending</c> false and
/// upserted the marker after the mark read it: the mark's delete then fails with 412 (the marker stays), or came
/// first (the marker is re-created). An append that committed before the head write is seen by it (or the write gets
/// 412 and the mark re-reads), so the mark leaves <c>Pending</c> true and the marker alone.</item>
/// </list>
/// <para>
/// A marker can outlive its reason (a crash after the upsert, before the transaction): the list still returns its
/// stream, caught up or not, and the dispatcher's next mark deletes it. Markers of streams with no head yet are
/// skipped, never deleted: their append may be about to commit.
/// </para>
/// <para>
/// The store remembers the head (with its ETag) of each stream it wrote last. An append to such a stream skips both
/// reads: its transaction's ETag condition and event-id insert check what the reads would have (a head moved by
/// another writer fails with 412, an event id stored already with 409), and only then does it read and decide.
/// So in the usual run of one workflow appending to its order, an append is one request.
/// </para>
/// </remarks>
public sealed class TableOrderEventStore : IOrderEventStore, IOrderEventOutbox
{
    private readonly TableClient _events;
    private readonly TableClient _outbox;
    private readonly ConflictRetry _retry;
    private const int MaxKeyedReads = 3;

    private readonly RecentEntries<string, StreamHeadEntity> _heads = new(capacity: RecentEntries.OrdersInFlight, StringComparer.Ordinal);

    /// <param name="events">The table of the streams (heads, events, event-id markers), one partition per order.</param>
    /// <param name="outbox">The table of the outbox markers, one partition for all orders.</param>
    public TableOrderEventStore(TableClient events, TableClient outbox, TableConflictRetryOptions? conflictRetry = null, TimeProvider? timeProvider = null)
    {
        _events = events ?? throw new ArgumentNullException(nameof(events));
        _outbox = outbox ?? throw new ArgumentNullException(nameof(outbox));
        _retry = (conflictRetry ?? new TableConflictRetryOptions()).ToRetry(timeProvider ?? TimeProvider.System);
    }

    public Task<OrderEvent> AppendAsync(string orderId, string eventId, DateTimeOffset occurredAt, OrderEventData data, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(orderId);
        ArgumentException.ThrowIfNullOrEmpty(eventId);
        ArgumentNullException.ThrowIfNull(data);
        // Serialized (and size-checked) once, before anything is written: an oversized event fails on every attempt.
        var dataJson = OrderEventEntity.DataJson(orderId, eventId, data);
        return _retry.RunAsync(
            $"Append {eventId} to order {orderId}",
            token => TryAppendAsync(new OrderEvent(orderId, 0, eventId, occurredAt, data, CommerceTelemetry.CurrentTraceParent()), dataJson, token),
            cancellationToken);
    }

    public async Task<IReadOnlyList<OrderEvent>> ReadAsync(string orderId, int afterSequence = 0, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(orderId);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {TableKeys.Escape(orderId)} and RowKey gt {OrderEventEntity.RowKeyOf(Math.Max(afterSequence, 0))} and RowKey le {OrderEventEntity.LastRowKey}");
        var events = new List<OrderEvent>();
        // A partition query returns entities in RowKey order, which is sequence order.
        await foreach (var entity in _events.QueryAsync<OrderEventEntity>(filter, cancellationToken: cancellationToken))
            events.Add(entity.ToEvent());
        return events;
    }

    public async Task<IReadOnlyList<PendingStream>> ListPendingAsync(int max, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {OutboxMarkerEntity.PendingPartition}");
        var markers = new List<OutboxMarkerEntity>();
        await foreach (var marker in _outbox.QueryAsync<OutboxMarkerEntity>(filter, maxPerPage: Math.Min(max, 1000), cancellationToken: cancellationToken))
        {
            markers.Add(marker);
            if (markers.Count == max)
                break;
        }

        // The mark is the head's, not the marker's: the marker only says where to look. A caught-up stream is listed
        // too (see remarks): the dispatcher's mark is what deletes a marker that outlived its reason.
        var heads = await Task.WhenAll(markers.Select(marker => ReadHeadAsync(marker.OrderId, cancellationToken)));
        return [.. heads.OfType<StreamHeadEntity>().Select(head => new PendingStream(head.OrderId, head.PublishedSequence))];
    }

    public async Task<IReadOnlyList<OrderEvent>> ReadUnpublishedAsync(string orderId, int publishedSequence, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(orderId);
        // The usual round finds one or two new events of a stream this store just appended to: read by key, they cost
        // what one query would in Azure, and far less on Azurite, whose every query scans the whole table.
        if (_heads.TryGet(orderId, out var known) && known.LastSequence - publishedSequence is >= 0 and <= MaxKeyedReads)
        {
            var reads = Enumerable.Range(publishedSequence + 1, known.LastSequence - publishedSequence).Select(sequence => ReadEventAsync(orderId, sequence, cancellationToken));
            return await Task.WhenAll(reads);
        }

        return await ReadAsync(orderId, publishedSequence, cancellationToken);
    }

    public Task MarkPublishedAsync(string orderId, int sequence, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(orderId);
        ArgumentOutOfRangeException.ThrowIfNegative(sequence);
        return _retry.RunAsync($"Mark order {orderId} published up to {sequence}", token => TryMarkPublishedAsync(orderId, sequence, token), cancellationToken);
    }

    private async Task<Attempt<OrderEvent>> TryAppendAsync(OrderEvent candidate, string dataJson, CancellationToken cancellationToken)
    {
        if (_heads.TryGet(candidate.OrderId, out var known))
        {
            // A caught-up head means the append must write the outbox marker first: only for an event not stored yet,
            // or a repeated append would list a caught-up stream. A pending head needs no check: the transaction's
            // event-id insert refuses a repeat.
            if (!known.Pending && await ReadStoredAsync(candidate, cancellationToken) is { } repeated)
                return Attempt.Done(repeated);
            if (await TrySubmitAppendAsync(known, candidate, dataJson, cancellationToken) is { } appendedToKnown)
                return Attempt.Done(appendedToKnown);

            // The remembered head is out of date, or the event is stored already: read and decide, as without it.
            _heads.Remove(candidate.OrderId);
        }

        var storedRead = ReadStoredAsync(candidate, cancellationToken);
        var headRead = ReadHeadAsync(candidate.OrderId, cancellationToken);
        await Task.WhenAll(storedRead, headRead);
        if (await storedRead is { } stored)
            return Attempt.Done(stored);

        // 412: the head moved since it was read (an append or a mark). 409: another writer created the stream, this
        // sequence or this event id first. Either way re-read: the next attempt appends after it, or returns the stored event.
        return await TrySubmitAppendAsync(await headRead, candidate, dataJson, cancellationToken) is { } appended
            ? Attempt.Done(appended)
            : Attempt<OrderEvent>.Retry;
    }

    /// <summary>The event stored under the candidate's event id, if any (through its event-id marker).</summary>
    private async Task<OrderEvent?> ReadStoredAsync(OrderEvent candidate, CancellationToken cancellationToken)
    {
        var marker = await _events.ReadOrNullAsync<EventIdEntity>(TableKeys.Escape(candidate.OrderId), EventIdEntity.RowKeyOf(candidate.EventId), cancellationToken);
        return marker is null ? null : await ReadEventAsync(candidate.OrderId, marker.Sequence, cancellationToken);
    }

    /// <summary>Appends after <paramref name="head"/> (null: a new stream); null when the transaction lost a race.</summary>
    private async Task<OrderEvent?> TrySubmitAppendAsync(StreamHeadEntity? head, OrderEvent candidate, string dataJson, CancellationToken cancellationToken)
    {
        // Step 1 of the protocol (remarks): the marker goes first, the transaction then sets Pending.
        if (head is not { Pending: true })
            await _outbox.UpsertEntityAsync(OutboxMarkerEntity.For(candidate.OrderId), TableUpdateMode.Replace, cancellationToken);

        var appended = candidate with { Sequence = (head?.LastSequence ?? 0) + 1 };
        var nextHead = StreamHeadEntity.At(appended.OrderId, appended.Sequence, head?.PublishedSequence ?? 0, pending: true);
        TableTransactionAction[] transaction =
        [
            head is null
                ? new TableTransactionAction(TableTransactionActionType.Add, nextHead)
                : new TableTransactionAction(TableTransactionActionType.UpdateReplace, nextHead, head.ETag),
            new TableTransactionAction(TableTransactionActionType.Add, OrderEventEntity.From(appended, dataJson)),
            new TableTransactionAction(TableTransactionActionType.Add, EventIdEntity.For(appended)),
        ];
        try
        {
            var committed = await _events.SubmitTransactionAsync(transaction, cancellationToken);
            Remember(nextHead, committed.Value[0].Headers.ETag);
            return appended;
        }
        catch (TableTransactionFailedException error) when (TableConflicts.IsLostRace(error))
        {
            return null;
        }
    }

    private void Remember(StreamHeadEntity head, ETag? etag)
    {
        if (etag is { } written)
        {
            head.ETag = written;
            _heads.Set(head.OrderId, head);
        }
        else
        {
            _heads.Remove(head.OrderId);
        }
    }

    private async Task<Attempt<bool>> TryMarkPublishedAsync(string orderId, int sequence, CancellationToken cancellationToken)
    {
        // Step 2 of the protocol (remarks): the marker is read before the head is written.
        var markerRead = _outbox.GetEntityIfExistsAsync<OutboxMarkerEntity>(OutboxMarkerEntity.PendingPartition, OutboxMarkerEntity.RowKeyOf(orderId), cancellationToken: cancellationToken);
        // A remembered head is as good as a read one: the write below is conditional on its ETag either way.
        var head = _heads.TryGet(orderId, out var known) ? known : await ReadHeadAsync(orderId, cancellationToken);
        await markerRead;
        if (head is null)
            return Attempt.Done(true);

        // Never down, and never past the stream's end: a mark above it would hide events appended later.
        var published = Math.Max(head.PublishedSequence, Math.Min(sequence, head.LastSequence));
        var pending = head.LastSequence > published;
        var nextHead = StreamHeadEntity.At(orderId, head.LastSequence, published, pending);
        try
        {
            // Written even when unchanged: it invalidates every append that read the head before it.
            var written = await _events.UpdateEntityAsync(nextHead, head.ETag, TableUpdateMode.Replace, cancellationToken);
            Remember(nextHead, written.Headers.ETag);
        }
        catch (RequestFailedException error) when (TableConflicts.IsLostRace(error))
        {
            _heads.Remove(orderId);
            return Attempt<bool>.Retry;
        }

        var marker = await markerRead;
        if (!pending && marker.HasValue)
            await DeleteMarkerAsync(marker.Value!, cancellationToken);
        return Attempt.Done(true);
    }

    private async Task DeleteMarkerAsync(OutboxMarkerEntity marker, CancellationToken cancellationToken)
    {
        try
        {
            await _outbox.DeleteEntityAsync(marker.PartitionKey, marker.RowKey, marker.ETag, cancellationToken);
        }
        catch (RequestFailedException error) when (TableConflicts.IsLostRaceOrGone(error))
        {
            // 412: an append re-wrote the marker after it was read, and its stream is pending again: keep it.
            // 404: another mark deleted it already.
        }
    }

    private Task<StreamHeadEntity?> ReadHeadAsync(string orderId, CancellationToken cancellationToken) =>
        _events.ReadOrNullAsync<StreamHeadEntity>(TableKeys.Escape(orderId), StreamHeadEntity.HeadRowKey, cancellationToken);

    private async Task<OrderEvent> ReadEventAsync(string orderId, int sequence, CancellationToken cancellationToken)
    {
        var entity = await _events.GetEntityAsync<OrderEventEntity>(TableKeys.Escape(orderId), OrderEventEntity.RowKeyOf(sequence), cancellationToken: cancellationToken);
        return entity.Value.ToEvent();
    }
}
