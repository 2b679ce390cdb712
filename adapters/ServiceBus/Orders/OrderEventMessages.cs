using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using AsyncCommerce.Adapters.ServiceBus.Settlement;
using AsyncCommerce.Orders;
using AsyncCommerce.Telemetry;
using Azure.Messaging.ServiceBus;

namespace AsyncCommerce.Adapters.ServiceBus.Orders;

/// <summary>
/// The wire format of an order event on the topic: the body is the <see cref="OrderEvent"/> in the system's one
/// JSON shape (<see cref="CommerceJsonDefaults"/>); the broker-visible properties are derived from it.
/// </summary>
public static class OrderEventMessages
{
    public const string ContentType = "application/json";

    public const string TraceParentProperty = "traceparent";
    public const string DiagnosticIdProperty = "Diagnostic-Id";

    private const string DataProperty = "data";
    private const string TypeDiscriminator = "$type";

    private static readonly HashSet<string> KnownEventTypes = [.. typeof(OrderEventData)
        .GetCustomAttributes<JsonDerivedTypeAttribute>()
        .Select(derived => derived.TypeDiscriminator)
        .OfType<string>()];

    /// <summary>
    /// The message for <paramref name="orderEvent"/>. MessageId is the event id, so the topic's duplicate detection
    /// drops a re-publish of the same event (an activity is at least once); event ids are GUIDs, unique across orders.
    /// </summary>
    public static ServiceBusMessage Create(OrderEvent orderEvent, ServiceBusNames names)
    {
        ArgumentNullException.ThrowIfNull(orderEvent);
        ArgumentNullException.ThrowIfNull(names);

        var message = new ServiceBusMessage(BinaryData.FromObjectAsJson(orderEvent, CommerceJsonDefaults.Options))
        {
            MessageId = orderEvent.EventId,

            // SessionId rather than PartitionKey: a session-enabled subscription hands one order's messages to one
            // consumer at a time, in publish order, and a message that fails blocks its order (not others) until it is
            // settled, so "ready for pickup" can never overtake "confirmed". The price: subscriptions must require
            // sessions, throughput is bounded by concurrent sessions, and a poison message holds up its order's later
            // notifications until it is dead-lettered. PartitionKey alone would only pin the order to a partition of a
            // partitioned entity; competing consumers would still take its messages out of order. (On a partitioned
            // entity the session id is also the partition key, so setting both would be redundant.)
            SessionId = orderEvent.OrderId,
            Subject = orderEvent.Type,
            ContentType = ContentType,
        };
        message.ApplicationProperties[names.EventTypeProperty] = orderEvent.Type;
        AddTraceContext(message, orderEvent);
        return message;
    }

    /// <summary>
    /// Carries the publishing span (or, without one, the trace the event was recorded in) as W3C
    /// <c>traceparent</c> and as <c>Diagnostic-Id</c>, the property the Service Bus SDK and Application Insights read,
    /// so the consumer's spans join the order's trace. A property the SDK's own instrumentation already set is kept.
    /// </summary>
    private static void AddTraceContext(ServiceBusMessage message, OrderEvent orderEvent)
    {
        if ((CommerceTelemetry.CurrentTraceParent() ?? orderEvent.TraceParent) is not { } traceParent)
            return;
        message.ApplicationProperties.TryAdd(TraceParentProperty, traceParent);
        message.ApplicationProperties.TryAdd(DiagnosticIdProperty, traceParent);
    }

    /// <summary>
    /// Reads the order event of a received message; when the message can never be read (whatever the number of
    /// deliveries), says why in <paramref name="malformed"/>, as a dead-letter decision.
    /// </summary>
    public static bool TryRead(
        ServiceBusReceivedMessage message,
        [NotNullWhen(true)] out OrderEvent? orderEvent,
        [NotNullWhen(false)] out SettlementDecision? malformed)
    {
        ArgumentNullException.ThrowIfNull(message);
        orderEvent = null;
        malformed = null;

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(message.Body.ToMemory());
        }
        catch (JsonException invalid)
        {
            malformed = SettlementDecision.DeadLettered(DeadLetterReasons.MalformedJson, $"The body is not JSON: {invalid.Message}");
            return false;
        }

        using (document)
        {
            malformed = CheckEventType(document.RootElement) ?? Deserialize(document, out orderEvent);
            if (orderEvent is not null && ReceivedTraceParent(message) is { } traceParent)
                orderEvent = orderEvent with { TraceParent = traceParent };
            return malformed is null;
        }
    }

    // The publish span's context when the message carries one; otherwise the event keeps the context it was recorded in.
    private static string? ReceivedTraceParent(ServiceBusReceivedMessage message) =>
        (message.ApplicationProperties.TryGetValue(TraceParentProperty, out var value) || message.ApplicationProperties.TryGetValue(DiagnosticIdProperty, out value))
        && value is string traceParent && ActivityContext.TryParse(traceParent, null, out _)
            ? traceParent
            : null;

    private static SettlementDecision? CheckEventType(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty(DataProperty, out var data)
            || data.ValueKind != JsonValueKind.Object
            || !data.TryGetProperty(TypeDiscriminator, out var type)
            || type.ValueKind != JsonValueKind.String)
        {
            return SettlementDecision.DeadLettered(DeadLetterReasons.MissingEventType, $"The body has no {DataProperty}.{TypeDiscriminator} naming the order event type.");
        }

        var eventType = type.GetString()!;
        return KnownEventTypes.Contains(eventType)
            ? null
            : SettlementDecision.DeadLettered(DeadLetterReasons.UnknownEventType, $"'{eventType}' is not an order event type this consumer knows.");
    }

    private static SettlementDecision? Deserialize(JsonDocument document, out OrderEvent? orderEvent)
    {
        try
        {
            orderEvent = document.Deserialize<OrderEvent>(CommerceJsonDefaults.Options);
        }
        catch (Exception invalid) when (invalid is JsonException or NotSupportedException)
        {
            orderEvent = null;
            return SettlementDecision.DeadLettered(DeadLetterReasons.InvalidEvent, $"The body is not an order event: {invalid.Message}");
        }

        var problem = orderEvent switch
        {
            null => "the body is null",
            { OrderId: null or "" } => "orderId is missing",
            { EventId: null or "" } => "eventId is missing",
            { Sequence: < 1 } => "sequence must be at least 1",
            { Data: null } => "data is missing",
            _ => null,
        };
        if (problem is null)
            return null;

        orderEvent = null;
        return SettlementDecision.DeadLettered(DeadLetterReasons.InvalidEvent, $"The body is not an order event: {problem}.");
    }
}
