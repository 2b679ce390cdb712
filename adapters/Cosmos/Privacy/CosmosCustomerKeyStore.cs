using System.Net;
using AsyncCommerce.Privacy;
using Microsoft.Azure.Cosmos;

namespace AsyncCommerce.Adapters.Cosmos.Privacy;

/// <summary>
/// The customers' data keys, one document per customer in the customer's partition (/customerId). Creating is a
/// create, so concurrent first checkouts of one customer agree on one key (the losers read the winner's); destroying
/// deletes the document, after which a new create makes a new key with a new id, which opens nothing sealed under the
/// old one.
/// </summary>
public sealed class CosmosCustomerKeyStore : ICustomerKeyStore
{
    /// <summary>The partition key path the documents of this store are written for.</summary>
    public const string PartitionKeyPath = "/customerId";

    private readonly Container _container;

    public CosmosCustomerKeyStore(Container container) => _container = container ?? throw new ArgumentNullException(nameof(container));

    public Task<CustomerKey> GetOrCreateAsync(string customerId, CancellationToken cancellationToken = default) =>
        CustomerKeyCreation.GetOrCreateAsync(customerId, ReadAsync, TryCreateAsync, cancellationToken);

    public async Task<CustomerKey?> FindAsync(string customerId, string keyId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(customerId);
        ArgumentException.ThrowIfNullOrEmpty(keyId);
        var key = await ReadAsync(customerId, cancellationToken);
        return key?.KeyId == keyId ? key : null;
    }

    public async Task DestroyAsync(string customerId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(customerId);
        try
        {
            await _container.DeleteItemAsync<CustomerKeyDocument>(CustomerKeyDocument.CurrentId, new PartitionKey(customerId), cancellationToken: cancellationToken);
        }
        catch (CosmosException error) when (error.StatusCode == HttpStatusCode.NotFound)
        {
            // Never had a key, or already destroyed: erased either way.
        }
    }

    private async Task<bool> TryCreateAsync(CustomerKey key, CancellationToken cancellationToken) =>
        await _container.TryCreateAsync(CustomerKeyDocument.From(key), new PartitionKey(key.CustomerId), cancellationToken) is not null;

    private async Task<CustomerKey?> ReadAsync(string customerId, CancellationToken cancellationToken)
    {
        var stored = await _container.ReadOrNullAsync<CustomerKeyDocument>(CustomerKeyDocument.CurrentId, new PartitionKey(customerId), cancellationToken);
        return stored?.Document.ToKey();
    }
}

/// <summary>A customer's current data key; the id is fixed, so a customer has at most one.</summary>
internal sealed record CustomerKeyDocument(string Id, string CustomerId, string KeyId, byte[] Material)
{
    public const string CurrentId = "data-key";

    public static CustomerKeyDocument From(CustomerKey key) => new(CurrentId, key.CustomerId, key.KeyId, key.Material.ToArray());

    public CustomerKey ToKey() => new(CustomerId, KeyId, Material);
}
