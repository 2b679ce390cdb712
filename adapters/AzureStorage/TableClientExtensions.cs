using Azure;
using Azure.Data.Tables;

namespace AsyncCommerce.Adapters.AzureStorage;

/// <summary>The point operations of the stores' read-decide-conditional-write cycles.</summary>
internal static class TableClientExtensions
{
    /// <summary>The entity with its ETag, or null when there is none.</summary>
    public static async Task<T?> ReadOrNullAsync<T>(this TableClient table, string partitionKey, string rowKey, CancellationToken cancellationToken)
        where T : class, ITableEntity
    {
        var response = await table.GetEntityIfExistsAsync<T>(partitionKey, rowKey, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }

    /// <summary>
    /// Inserts <paramref name="entity"/> (when <paramref name="readETag"/> is null: nothing was there) or replaces the
    /// entity on the ETag read. False when another writer got there first (409, 412, or 404: deleted since the read).
    /// </summary>
    public static async Task<bool> TryInsertOrReplaceAsync<T>(this TableClient table, T entity, ETag? readETag, CancellationToken cancellationToken)
        where T : class, ITableEntity
    {
        try
        {
            if (readETag is { } ifMatch)
                await table.UpdateEntityAsync(entity, ifMatch, TableUpdateMode.Replace, cancellationToken);
            else
                await table.AddEntityAsync(entity, cancellationToken);
            return true;
        }
        catch (RequestFailedException error) when (TableConflicts.IsLostRaceOrGone(error))
        {
            return false;
        }
    }
}
