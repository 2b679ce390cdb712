using AsyncCommerce.Caching;
using Azure;
using Azure.Data.Tables;

namespace AsyncCommerce.Adapters.AzureStorage.Orders;

/// <summary>
/// Moves versioned rows of one table forward: a row is inserted, or replaced on the ETag of an older version, never
/// replaced by an older one. It remembers the ETag of each row it wrote last, so the next version of a row this
/// process wrote (every step of an order's workflow after the first) is one conditional write instead of a read and a
/// write; the ETag condition refuses it when another writer got there first, and the row is then read as usual.
/// </summary>
internal sealed class VersionedRowWriter<T>(TableClient table)
    where T : class, IVersionedEntity
{
    private readonly RecentEntries<string, WrittenRow> _written = new(capacity: RecentEntries.OrdersInFlight, StringComparer.Ordinal);

    /// <summary>Written (true), or a version at least as new is stored already (false); null when another writer won a race.</summary>
    public async Task<bool?> TryWriteAsync(T row, CancellationToken cancellationToken)
    {
        var key = $"{row.PartitionKey}/{row.RowKey}";
        ETag? expected;
        if (_written.TryGet(key, out var known) && known.Version < row.Version)
        {
            expected = known.ETag;
        }
        else
        {
            var stored = await table.ReadOrNullAsync<T>(row.PartitionKey, row.RowKey, cancellationToken);
            if (stored is not null && stored.Version >= row.Version)
                return false;
            expected = stored?.ETag;
        }

        if (await table.TryInsertOrReplaceAsync(row, expected, cancellationToken) is not { } written)
        {
            _written.Remove(key);
            return null;
        }

        _written.Set(key, new WrittenRow(row.Version, written));
        return true;
    }

    /// <summary>Forgets a row (its order is finished): the map holds the rows still likely to move.</summary>
    public void Forget(T row) => _written.Remove($"{row.PartitionKey}/{row.RowKey}");

    private readonly record struct WrittenRow(int Version, ETag ETag);
}
