using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace AsyncCommerce.Benchmarks.CheckoutThroughput;

/// <summary>
/// Counts the storage requests the host makes (azurite mode): every Azure SDK request, the stores' and the Durable
/// backend's alike, raises the Azure.Core "Request" event. Requests per order is the figure that sets a cloud bill,
/// and the count per kind (method and resource) says which store or queue to look at first.
/// </summary>
internal sealed class StorageRequestCounter : EventListener
{
    private const string AzureCoreSource = "Azure-Core";
    private const int RequestEventId = 1;
    private readonly ConcurrentDictionary<string, long> _byKind = new(StringComparer.Ordinal);

    public long Requests => _byKind.Values.Sum();

    public IReadOnlyDictionary<string, long> Snapshot() => new Dictionary<string, long>(_byKind, StringComparer.Ordinal);

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        ArgumentNullException.ThrowIfNull(eventSource);
        if (eventSource.Name == AzureCoreSource)
            EnableEvents(eventSource, EventLevel.Informational);
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.EventId != RequestEventId || eventData.Payload is not { Count: >= 3 } payload)
            return;
        var kind = StorageRequestKind.Of(payload[1] as string, payload[2] as string);
        _byKind.AddOrUpdate(kind, 1, static (_, count) => count + 1);
    }
}
