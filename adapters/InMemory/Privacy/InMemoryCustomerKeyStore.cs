using System.Collections.Concurrent;
using AsyncCommerce.Privacy;

namespace AsyncCommerce.Adapters.InMemory.Privacy;

/// <summary>The customers' data keys, kept in memory: a restart forgets them, as it forgets the orders they seal.</summary>
public sealed class InMemoryCustomerKeyStore : ICustomerKeyStore
{
    private readonly ConcurrentDictionary<string, CustomerKey> _keys = new(StringComparer.Ordinal);

    public Task<CustomerKey> GetOrCreateAsync(string customerId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(customerId);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_keys.GetOrAdd(customerId, CustomerKey.New));
    }

    public Task<CustomerKey?> FindAsync(string customerId, string keyId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(customerId);
        ArgumentException.ThrowIfNullOrEmpty(keyId);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_keys.TryGetValue(customerId, out var key) && key.KeyId == keyId ? key : null);
    }

    public Task DestroyAsync(string customerId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(customerId);
        cancellationToken.ThrowIfCancellationRequested();
        _keys.TryRemove(customerId, out _);
        return Task.CompletedTask;
    }
}
