using System.Net;
using Azure;
using Azure.Data.Tables;

namespace AsyncCommerce.Adapters.AzureStorage;

/// <summary>The point operations of the stores' read-decide-conditional-write cycles: a lost race is an answer (false), not an exception.</summary>
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
    /// entity on the ETag read, and returns the written entity's ETag. Null when another writer got there first (409,
    /// 412, or 404: deleted since the read).
    /// </summary>
    public static async Task<ETag?> TryInsertOrReplaceAsync<T>(this TableClient table, T entity, ETag? readETag, CancellationToken cancellationToken)
        where T : class, ITableEntity
    {
        try
        {
            var written = readETag is { } ifMatch
                ? await table.UpdateEntityAsync(entity, ifMatch, TableUpdateMode.Replace, cancellationToken)
                : await table.AddEntityAsync(entity, cancellationToken);
            return written.Headers.ETag ?? throw new InvalidOperationException($"The table service answered a write to {table.Name} without an ETag.");
        }
        catch (RequestFailedException error) when (TableConflicts.IsLostRaceOrGone(error))
        {
            return null;
        }
    }

    /// <summary>Inserts the entity unless its key exists; false when it does (another writer got there first).</summary>
    public static async Task<bool> TryAddAsync(this TableClient table, TableEntity entity, CancellationToken cancellationToken)
    {
        try
        {
            await table.AddEntityAsync(entity, cancellationToken);
            return true;
        }
        catch (RequestFailedException failure) when (failure.Status == (int)HttpStatusCode.Conflict)
        {
            return false;
        }
    }

    /// <summary>Replaces the entity if it still has <paramref name="etag"/>; false when another writer changed it since.</summary>
    public static async Task<bool> TryReplaceAsync(this TableClient table, TableEntity entity, ETag etag, CancellationToken cancellationToken)
    {
        try
        {
            await table.UpdateEntityAsync(entity, etag, TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException failure) when (failure.Status == (int)HttpStatusCode.PreconditionFailed)
        {
            return false;
        }
    }

    /// <summary>
    /// Submits an entity-group transaction (one partition, all or nothing); false when one of its conditions failed:
    /// an ETag no longer current (412) or an insert whose key exists (409). Nothing of it was applied then.
    /// </summary>
    public static async Task<bool> TrySubmitAsync(this TableClient table, IReadOnlyList<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        try
        {
            await table.SubmitTransactionAsync(actions, cancellationToken);
            return true;
        }
        catch (RequestFailedException failure) when (failure.Status is (int)HttpStatusCode.Conflict or (int)HttpStatusCode.PreconditionFailed)
        {
            return false;
        }
    }
}
