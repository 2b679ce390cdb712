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
    private readonly TableClient _table;

    public TableCustomerKeyStore(TableClient table) => _table = table ?? throw new ArgumentNullException(nameof(table));

    public Task<CustomerKey> GetOrCreateAsync(string customerId, CancellationToken cancellationToken = default) =>
        CustomerKeyCreation.GetOrCreateAsync(customerId, ReadAsync, TryInsertAsync, cancellationToken);

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

    private async Task<bool> TryInsertAsync(CustomerKey key, CancellationToken cancellationToken)
    {
        try
        {
            await _table.AddEntityAsync(CustomerKeyEntity.From(key), cancellationToken);
            return true;
        }
        catch (RequestFailedException error) when (error.Status == (int)HttpStatusCode.Conflict)
        {
            // Another caller created it first.
            return false;
        }
    }

    private async Task<CustomerKey?> ReadAsync(string customerId, CancellationToken cancellationToken)
    {
        var stored = await _table.ReadOrNullAsync<CustomerKeyEntity>(CustomerKeyEntity.PartitionKeyOf(customerId), CustomerKeyEntity.CurrentRowKey, cancellationToken);
        return stored?.ToKey();
    }
}
