namespace AsyncCommerce.Privacy;

/// <summary>
/// Port: one data key per customer, under which everything personal about them is stored encrypted (their contact
/// details in the order streams, the fingerprints of their checkout requests). Destroying the key is the erasure:
/// the append-only streams keep every event, and what was personal in them can no longer be read by anyone.
/// </summary>
public interface ICustomerKeyStore
{
    /// <summary>
    /// The customer's current key, created when they have none (never had one, or theirs was destroyed): concurrent
    /// callers all get the same key. A key created after a destruction has a new <see cref="CustomerKey.KeyId"/>.
    /// </summary>
    Task<CustomerKey> GetOrCreateAsync(string customerId, CancellationToken cancellationToken = default);

    /// <summary>The customer's key with <paramref name="keyId"/>, or null when it was destroyed (or never existed).</summary>
    Task<CustomerKey?> FindAsync(string customerId, string keyId, CancellationToken cancellationToken = default);

    /// <summary>Destroys the customer's key, if they have one. Idempotent: destroying twice, or a customer without a key, is no error.</summary>
    Task DestroyAsync(string customerId, CancellationToken cancellationToken = default);
}

/// <summary>A customer's data key: 256 random bits, identified by <see cref="KeyId"/> wherever data sealed with it is stored.</summary>
public sealed record CustomerKey(string CustomerId, string KeyId, ReadOnlyMemory<byte> Material)
{
    public const int MaterialBytes = 32;

    /// <summary>A fresh key with a random id and random material.</summary>
    public static CustomerKey New(string customerId) =>
        new(customerId, Guid.NewGuid().ToString("N"), System.Security.Cryptography.RandomNumberGenerator.GetBytes(MaterialBytes));

    public bool Equals(CustomerKey? other) =>
        other is not null && CustomerId == other.CustomerId && KeyId == other.KeyId && Material.Span.SequenceEqual(other.Material.Span);

    public override int GetHashCode() => HashCode.Combine(CustomerId, KeyId);
}
