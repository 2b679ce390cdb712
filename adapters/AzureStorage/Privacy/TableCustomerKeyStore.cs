using System.Net;
using AsyncCommerce.Privacy;
using Azure;
using Azure.Data.Tables;

namespace AsyncCommerce.Adapters.AzureStorage.Privacy;

/// <summary>
/// The customers' data keys, one entity per customer. Creating is an insert, so concurrent first checkouts of one
/// customer agree on one key (the losers read the winner's); destroying deletes the entity, after which a new insert
/// makes a new key with a new id, which opens nothing sealed under the old one.
/// </summary>
public sealed class TableCustomerKeyStore : ICustomerKeyStore
{
    // Each round ends with the key read, or with a create racing a destroy; two rivals cannot keep that up for long.
    private const int MaxRounds = 10;

    private readonly TableClient _table;

    public TableCustomerKeyStore(TableClient table) => _table = table ?? throw new ArgumentNullException(nameof(table));

    public async Task<CustomerKey> GetOrCreateAsync(string customerId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(customerId);
        for (var round = 0; round < MaxRounds; round++)
        {
            // Read first: every checkout after a customer's first finds the key, at one request.
            if (await ReadAsync(customerId, cancellationToken) is { } existing)
                return existing;

            var created = CustomerKey.New(customerId);
            try
            {
                await _table.AddEntityAsync(CustomerKeyEntity.From(created), cancellationToken);
                return created;
            }
            catch (RequestFailedException error) when (error.Status == (int)HttpStatusCode.Conflict)
            {
                // Another caller created it first: the next round reads theirs.
            }
        }

        throw new InvalidOperationException($"Customer {customerId}: no data key could be read or created in {MaxRounds} rounds.");
    }

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
            await _table.DeleteEntityAsync(CustomerKeyEntity.PartitionKeyOf(customerId), CustomerKeyEntity.CurrentRowKey, ETag.All, cancellationToken);
        }
        catch (RequestFailedException error) when (error.Status == (int)HttpStatusCode.NotFound)
        {
            // Never had a key, or already destroyed: erased either way.
        }
    }

    private async Task<CustomerKey?> ReadAsync(string customerId, CancellationToken cancellationToken)
    {
        var stored = await _table.ReadOrNullAsync<CustomerKeyEntity>(CustomerKeyEntity.PartitionKeyOf(customerId), CustomerKeyEntity.CurrentRowKey, cancellationToken);
        return stored?.ToKey();
    }
}
