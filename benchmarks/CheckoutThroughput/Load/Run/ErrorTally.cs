using System.Collections.Concurrent;

namespace AsyncCommerce.Benchmarks.CheckoutThroughput.Load.Run;

/// <summary>Failed calls of a phase, counted by kind (operation, status and problem type, or exception).</summary>
internal sealed class ErrorTally
{
    private readonly ConcurrentDictionary<string, long> _byKind = new(StringComparer.Ordinal);

    public long Total => _byKind.Values.Sum();

    public void Add(string kind) => _byKind.AddOrUpdate(kind, 1, static (_, count) => count + 1);

    public IReadOnlyDictionary<string, long> Snapshot() => new SortedDictionary<string, long>(_byKind, StringComparer.Ordinal);
}
