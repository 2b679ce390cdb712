using System.Collections;
using System.Diagnostics;

namespace AsyncCommerce.LocalHost.Tests.Telemetry;

/// <summary>
/// The spans an in-memory exporter hands over, safe to read while the host still ends spans on other threads.
/// Spans of every host in the test process arrive (activity listeners are process-wide): select by trace or order.
/// </summary>
internal sealed class RecordedSpans : ICollection<Activity>
{
    private readonly Lock _gate = new();
    private readonly List<Activity> _spans = [];

    public int Count
    {
        get
        {
            lock (_gate)
                return _spans.Count;
        }
    }

    public bool IsReadOnly => false;

    public IReadOnlyList<Activity> Snapshot()
    {
        lock (_gate)
            return [.. _spans];
    }

    public void Add(Activity item)
    {
        lock (_gate)
            _spans.Add(item);
    }

    public void Clear()
    {
        lock (_gate)
            _spans.Clear();
    }

    public bool Contains(Activity item)
    {
        lock (_gate)
            return _spans.Contains(item);
    }

    public void CopyTo(Activity[] array, int arrayIndex)
    {
        lock (_gate)
            _spans.CopyTo(array, arrayIndex);
    }

    public bool Remove(Activity item)
    {
        lock (_gate)
            return _spans.Remove(item);
    }

    public IEnumerator<Activity> GetEnumerator() => Snapshot().GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
