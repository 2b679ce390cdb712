using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace AsyncCommerce.Telemetry;

/// <summary>
/// The product's one <see cref="ActivitySource"/> and one <see cref="Meter"/>, both named <see cref="Name"/>: a host
/// turns AsyncCommerce telemetry on by listening to that name. Static, because the orchestrations, adapters and
/// hosts that emit into them share no container, and a source or meter must exist once per process.
/// </summary>
public static class CommerceTelemetry
{
    public const string Name = "AsyncCommerce";

    /// <summary>The Durable Task SDK's own source: the orchestration and activity spans of the workflows.</summary>
    public const string DurableTaskSourceName = "Microsoft.DurableTask";

    public static ActivitySource Source { get; } = new(Name);

    public static Meter Meter { get; } = new(Name);

    /// <summary>The W3C traceparent of the current span, or null when none is recorded (telemetry off).</summary>
    public static string? CurrentTraceParent() =>
        Activity.Current is { IdFormat: ActivityIdFormat.W3C, Recorded: true } current ? current.Id : null;

    /// <summary>
    /// Starts a span of the product under <paramref name="traceParent"/> (a W3C traceparent carried by a message or
    /// stored with an event), or under the current span when there is none. Null when nobody listens.
    /// </summary>
    public static Activity? StartActivity(string name, ActivityKind kind, string? traceParent)
    {
        if (!Source.HasListeners())
            return null;
        return traceParent is not null && ActivityContext.TryParse(traceParent, traceState: null, out var parent)
            ? Source.StartActivity(name, kind, parent)
            : Source.StartActivity(name, kind);
    }
}
