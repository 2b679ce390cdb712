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

    public void Print(TextWriter output, int top, int orders)
    {
        var total = _bytesByType.Values.Sum();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"allocation ticks: {total / 1048576.0:0.0} MiB sampled, top {top} types (KiB per order, share)"));
        foreach (var (type, bytes) in _bytesByType.OrderByDescending(entry => entry.Value).Take(top))
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {bytes / 1024.0 / orders,7:0.00}  {100.0 * bytes / total,5:0.0}%  {type}"));
    }

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
