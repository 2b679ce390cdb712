using System.Collections.Concurrent;

namespace AsyncCommerce.Testing.Contract;

/// <summary>
/// Every violation a host's <see cref="ContractChecking"/> found. Over the test server the violation also fails the
/// call; over a real socket (a client in another process) the caller sees a 500, and a test reads the reason here.
/// </summary>
public sealed class ContractViolations
{
    private readonly ConcurrentQueue<string> _found = new();

    public IReadOnlyList<string> All => [.. _found];

    internal void Add(IEnumerable<string> violations)
    {
        foreach (var violation in violations)
            _found.Enqueue(violation);
    }
}
