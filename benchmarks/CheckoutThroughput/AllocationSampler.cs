using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using System.Globalization;

namespace AsyncCommerce.Benchmarks.CheckoutThroughput;

/// <summary>
/// Which types this process allocates most, from the runtime's allocation ticks (one event about every 100 KB
/// allocated, naming the type that crossed the mark): a sample, cheap enough to leave on while measuring what to cut.
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private readonly ConcurrentDictionary<string, long> _bytesByType = new(StringComparer.Ordinal);
    private volatile bool _sampling;

    public void Start() => _sampling = true;

    public void Stop() => _sampling = false;

    /// <summary>The <paramref name="count"/> types sampled most, with their sampled bytes, most first.</summary>
    public IReadOnlyList<(string Type, long Bytes)> Top(int count) =>
        [.. _bytesByType.Select(entry => (entry.Key, entry.Value)).OrderByDescending(entry => entry.Value).Take(count)];

    /// <summary>All bytes sampled, over every type.</summary>
    public long TotalBytes => _bytesByType.Values.Sum();

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
            EnableEvents(eventSource, EventLevel.Verbose, GcKeyword);
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (!_sampling || eventData.EventName is null || !eventData.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal) || eventData.Payload is null)
            return;
        var type = eventData.PayloadNames?.IndexOf("TypeName") is int typeAt and >= 0 ? eventData.Payload[typeAt] as string ?? "?" : "?";
        var bytes = eventData.PayloadNames?.IndexOf("AllocationAmount64") is int amountAt and >= 0 ? Convert.ToInt64(eventData.Payload[amountAt], CultureInfo.InvariantCulture) : 100_000;
        _bytesByType.AddOrUpdate(type, bytes, (_, sum) => sum + bytes);
    }
}
