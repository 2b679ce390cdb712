using System.Diagnostics.Tracing;

namespace AsyncCommerce.Benchmarks.CheckoutThroughput;

/// <summary>
/// Counts the storage requests the host makes (azurite mode): every Azure SDK request, the stores' and the Durable
/// backend's alike, raises the Azure.Core "Request" event. Requests per order is the figure that sets a cloud bill.
/// </summary>
internal sealed class StorageRequestCounter : EventListener
{
    private const string AzureCoreSource = "Azure-Core";
    private const int RequestEventId = 1;
    private long _requests;

    public long Requests => Interlocked.Read(ref _requests);

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        ArgumentNullException.ThrowIfNull(eventSource);
        if (eventSource.Name == AzureCoreSource)
            EnableEvents(eventSource, EventLevel.Informational);
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.EventId == RequestEventId)
            Interlocked.Increment(ref _requests);
    }
}
