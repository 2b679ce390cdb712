using System.Collections.Concurrent;
using AsyncCommerce.Privacy;

namespace AsyncCommerce.Api.Tests.Support;

/// <summary>A real key store that records every read of a customer's key, so a test asserts what was read, in order.</summary>
public sealed class RecordingCustomerKeyStore(ICustomerKeyStore inner) : ICustomerKeyStore
{
    private readonly ConcurrentQueue<CustomerKeyRead> _reads = new();

    public IReadOnlyList<CustomerKeyRead> Reads => [.. _reads];

    public Task<CustomerKey> GetOrCreateAsync(string customerId, CancellationToken cancellationToken = default)
    {
        _reads.Enqueue(new CustomerKeyRead(nameof(GetOrCreateAsync), customerId, KeyId: null));
        return inner.GetOrCreateAsync(customerId, cancellationToken);
    }

    public Task<CustomerKey?> FindAsync(string customerId, string keyId, CancellationToken cancellationToken = default)
    {
        _reads.Enqueue(new CustomerKeyRead(nameof(FindAsync), customerId, keyId));
        return inner.FindAsync(customerId, keyId, cancellationToken);
    }

    public Task DestroyAsync(string customerId, CancellationToken cancellationToken = default) => inner.DestroyAsync(customerId, cancellationToken);
}

/// <summary>One read of a customer's key: which method, whose key, and which key by id where the reader named one.</summary>
public sealed record CustomerKeyRead(string Method, string CustomerId, string? KeyId);
