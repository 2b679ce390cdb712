using Azure.Data.Tables;

namespace AsyncCommerce.Adapters.AzureStorage.Tests.Support;

/// <summary>Raw reads of what a store wrote, for tests of the table layout others rely on.</summary>
public static class TableRows
{
    /// <summary>The partition's entities in RowKey order.</summary>
    public static async Task<IReadOnlyList<TableEntity>> RowsAsync(this TableClient table, string partitionKey)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey}")))
            rows.Add(row);
        return rows;
    }

    public static async Task<TableEntity?> RowAsync(this TableClient table, string partitionKey, string rowKey)
    {
        var row = await table.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey);
        return row.HasValue ? row.Value : null;
    }
}
