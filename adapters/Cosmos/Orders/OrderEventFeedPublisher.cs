using System.Text.Json;
using AsyncCommerce.Notifications;
using AsyncCommerce.Orders;
using AsyncCommerce.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AsyncCommerce.Adapters.Cosmos.Orders;

/// <summary>
/// What the change feed publisher does with one batch of changed documents of the order-events container: keeps the
/// event documents (a stream's head and its event-id markers change in the same transactional batches, but are not
/// events), and publishes each order's events in sequence order, one after the other.
/// </summary>
/// <remarks>
/// It keeps no state. The change feed processor moves its checkpoint past a batch only after this returns, so any
/// exception (the bus is down, a send timed out) makes it deliver the same batch again: publishing is at least once
/// and can be late, never lost. Repeats carry the same MessageId (the event id), which the topic's duplicate
/// detection drops within its window; consumers are idempotent beyond it.
/// </remarks>
internal sealed partial class OrderEventFeedPublisher(
    IOrderEventPublisher publisher,
    IOptions<CosmosOptions> options,
    ILogger<OrderEventFeedPublisher> logger)
{
    /// <summary>Publishes the events among <paramref name="changes"/>; the signature of the processor's changes handler.</summary>
    public async Task PublishAsync(IReadOnlyCollection<JsonElement> changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var streams = EventsByOrder(changes);
        if (streams.Count == 0)
            return;

        // Orders are independent (each is one session on the topic), so they go out side by side; within an order the
        // next event waits for the previous one, so consumers receive a stream in the order it was written.
        var parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = options.Value.OrderEventFeed.MaxConcurrentOrders,
            CancellationToken = cancellationToken,
        };
        await Parallel.ForEachAsync(streams, parallel, async (events, token) => await PublishInOrderAsync(events, token));
    }

    /// <summary>The event documents among <paramref name="changes"/> as events, one list per order, each by sequence.</summary>
    /// <remarks>An event document that cannot be read as an event throws (logged with its order id).</remarks>
    internal IReadOnlyList<IReadOnlyList<OrderEvent>> EventsByOrder(IEnumerable<JsonElement> changes) =>
    [
        .. changes.Where(IsEventDocument)
            .Select(ToEvent)
            .GroupBy(orderEvent => orderEvent.OrderId, StringComparer.Ordinal)
            .Select(stream => (IReadOnlyList<OrderEvent>)[.. stream.DistinctBy(e => e.Sequence).OrderBy(e => e.Sequence)]),
    ];

    private async Task PublishInOrderAsync(IReadOnlyList<OrderEvent> events, CancellationToken cancellationToken)
    {
        foreach (var orderEvent in events)
        {
            try
            {
                await publisher.PublishTracedAsync(orderEvent, cancellationToken);
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                LogPublishFailed(failure, orderEvent.OrderId, orderEvent.Sequence, orderEvent.Type);
                throw;
            }
        }

        LogPublished(events[0].OrderId, events[0].Sequence, events[^1].Sequence);
    }

    private static bool IsEventDocument(JsonElement document) =>
        document.ValueKind == JsonValueKind.Object
        && document.TryGetProperty("docType", out var docType)
        && docType.ValueKind == JsonValueKind.String
        && docType.ValueEquals(OrderStreamDocumentTypes.Event);

    private OrderEvent ToEvent(JsonElement document)
    {
        try
        {
            var stored = document.Deserialize<OrderEventDocument>(CommerceJsonDefaults.Options);
            return stored switch
            {
                null => throw new InvalidDataException("The event document is null."),
                { OrderId: null or "" } => throw new InvalidDataException("The event document has no orderId."),
                { EventId: null or "" } => throw new InvalidDataException("The event document has no eventId."),
                { Sequence: < 1 } => throw new InvalidDataException("The event document's sequence is below 1."),
                { Data: null } => throw new InvalidDataException("The event document has no data."),
                _ => stored.ToEvent(),
            };
        }
        catch (Exception unreadable) when (unreadable is JsonException or NotSupportedException or InvalidDataException)
        {
            LogUnreadable(unreadable, StringOf(document, "orderId"), StringOf(document, "id"));
            throw;
        }
    }

    private static string StringOf(JsonElement document, string property) =>
        document.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "?";

    [LoggerMessage(EventId = 5101, EventName = "OrderEventsPublishedFromFeed", Level = LogLevel.Information, Message = "Order {OrderId}: events {FirstSequence}..{LastSequence} published from the change feed")]
    private partial void LogPublished(string orderId, int firstSequence, int lastSequence);

    [LoggerMessage(EventId = 5102, EventName = "OrderEventPublishFailed", Level = LogLevel.Warning, Message = "Order {OrderId}: publishing event {Sequence} ({EventType}) failed; the change feed delivers the batch again")]
    private partial void LogPublishFailed(Exception exception, string orderId, int sequence, string eventType);

    [LoggerMessage(EventId = 5103, EventName = "OrderEventDocumentUnreadable", Level = LogLevel.Error, Message = "Order {OrderId}: event document {DocumentId} cannot be read as an order event; its lease is retried until the document is fixed")]
    private partial void LogUnreadable(Exception exception, string orderId, string documentId);
}
