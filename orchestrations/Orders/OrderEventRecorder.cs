using AsyncCommerce.Caching;
using Microsoft.Extensions.Logging;

namespace AsyncCommerce.Orders;

/// <summary>
/// Records a state change the one way it is always recorded: append to the stream and bring the read model up
/// to date. Each step is idempotent, so a caller that fails halfway simply calls again. Publishing is not done
/// here: the stream is the outbox, and the <see cref="OrderEventDispatcher"/> publishes what was appended, so a
/// message bus that is down can neither fail nor compensate an order.
/// </summary>
public sealed partial class OrderEventRecorder(
    IOrderEventStore events,
    IOrderViewStore views,
    OutboxSignal outbox,
    OrderViewChanges viewChanges,
    ILogger<OrderEventRecorder> logger)
{
    // The view this process last saved, per open order. A view is a function of the events up to its version, so a
    // remembered view of version n is the stored view of version n, whoever saved it: projecting event n + 1 needs no
    // read. When another process saved a later one meanwhile, the store's version check refuses the save and the slow
    // path catches up.
    private readonly RecentEntries<string, OrderView> _lastSaved = new(capacity: RecentEntries.OrdersInFlight, StringComparer.Ordinal);

    public Task<OrderEvent> RecordAsync(string orderId, string eventId, DateTimeOffset occurredAt, OrderEventData data, CancellationToken cancellationToken = default) =>
        RecordAsync(orderId, [new OrderFact(eventId, occurredAt, data)], cancellationToken);

    /// <summary>
    /// Records facts that happen together, in order (a payment attempt and the authorization it gave; the stock committed
    /// and the order's end): each is appended, and the read model is brought up to date once, so a reader sees them
    /// arrive together and the view is saved once, not once per fact. Returns the last one stored.
    /// </summary>
    public async Task<OrderEvent> RecordAsync(string orderId, IReadOnlyList<OrderFact> facts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentOutOfRangeException.ThrowIfZero(facts.Count);
        var stored = new OrderEvent[facts.Count];
        for (var i = 0; i < facts.Count; i++)
            stored[i] = await events.AppendAsync(orderId, facts[i].EventId, facts[i].OccurredAt, facts[i].Data, cancellationToken);
        await ProjectAsync(stored, cancellationToken);
        outbox.Nudge();
        if (logger.IsEnabled(LogLevel.Information))
        {
            foreach (var recorded in stored)
                LogRecorded(orderId, recorded.Sequence, recorded.Type, Describe(recorded.Data));
        }

        return stored[^1];
    }

    /// <summary>Catches the read model up with the stream: applies every event newer than the stored view.</summary>
    public async Task ProjectAsync(string orderId, CancellationToken cancellationToken = default)
    {
        var view = await views.GetAsync(orderId, cancellationToken);
        await CatchUpAsync(orderId, view, cancellationToken);
    }

    // The usual case reads nothing: the view is just behind the events just stored, and they follow one another.
    // Reading the stream is a query, and a query is what a table store (Azurite above all) pays most for. Events that do
    // not follow one another (a re-run recorded some of them before, and something else since) catch up from the stream.
    private async Task ProjectAsync(OrderEvent[] stored, CancellationToken cancellationToken)
    {
        var orderId = stored[0].OrderId;
        var first = stored[0].Sequence;
        var consecutive = stored[^1].Sequence - first == stored.Length - 1;
        var previous = _lastSaved.TryGet(orderId, out var remembered) && remembered.Version == first - 1 ? remembered : null;
        if (consecutive && (previous is not null || first == 1))
        {
            await SaveAsync(Fold(previous, stored), cancellationToken);
            return;
        }

        var view = await views.GetAsync(orderId, cancellationToken);
        if (consecutive && (view?.Version ?? 0) == first - 1)
            await SaveAsync(Fold(view, stored), cancellationToken);
        else
            await CatchUpAsync(orderId, view, cancellationToken);
    }

    private static OrderView Fold(OrderView? view, OrderEvent[] stored)
    {
        foreach (var orderEvent in stored)
            view = OrderProjection.Apply(view, orderEvent);
        return view!;
    }

    private async Task CatchUpAsync(string orderId, OrderView? view, CancellationToken cancellationToken)
    {
        var newer = await events.ReadAsync(orderId, view?.Version ?? 0, cancellationToken);
        if (newer.Count == 0)
            return;
        var projected = OrderProjection.Apply(view, newer);
        if (projected is not null)
            await SaveAsync(projected, cancellationToken);
    }

    private async Task SaveAsync(OrderView projected, CancellationToken cancellationToken)
    {
        await views.SaveAsync(projected, cancellationToken);
        viewChanges.Notify(projected.OrderId);
        if (projected.Status.IsFinal())
            _lastSaved.Remove(projected.OrderId);
        else
            _lastSaved.Set(projected.OrderId, projected);
    }

    // A one-line summary for the progress log; never tokens or contact details.
    private static string Describe(OrderEventData data) => data switch
    {
        OrderPlaced placed => $"{placed.Lines.Count} line(s), {placed.Total.Amount} {placed.Total.Currency}, {placed.Fulfillment.Type} at {placed.LocationId}",
        PaymentAttempted attempt => $"{attempt.Method} #{attempt.MethodIndex + 1}: {attempt.Outcome}{(attempt.Reason is null ? "" : $" ({attempt.Reason})")}",
        PaymentAuthorized authorized => $"{authorized.Method} authorized {authorized.Amount.Amount} {authorized.Amount.Currency}",
        ReadyForPickup ready => $"ready at {ready.StoreId} until {ready.ExpiresAt:u}",
        OrderCancelled cancelled => cancelled.Reason.ToString(),
        OrderRejected rejected => $"{rejected.Reason}{(rejected.Detail is null ? "" : $": {rejected.Detail}")}",
        _ => "",
    };

    [LoggerMessage(EventId = 1001, EventName = "OrderEventRecorded", Level = LogLevel.Information, Message = "Order {OrderId} #{Sequence} {EventType} {Summary}")]
    private partial void LogRecorded(string orderId, int sequence, string eventType, string summary);
}
