using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;

namespace AsyncCommerce.Adapters.AzureStorage.Tests.Support;

/// <summary>One request a store sent: the operation (Get, Add, Upsert, Update, Delete, Submit, Query) and its keys or filter.</summary>
public sealed record TableCall(string Operation, string? RowKey = null, string? Filter = null);

/// <summary>
/// A <see cref="TableClient"/> over a real one that records every request of the stores and can run something
/// right before one (<see cref="Before"/>): a rival writer, so the request meets what it wrote, or a crash.
/// </summary>
public sealed class InterceptedTableClient(TableClient inner) : TableClient
{
    private readonly ConcurrentQueue<TableCall> _calls = new();

    public IReadOnlyList<TableCall> Calls => [.. _calls];

    public Func<TableCall, Task>? Before { get; set; }

    /// <summary>Runs <paramref name="action"/> before the first request that matches, and never again.</summary>
    public void Once(Func<TableCall, bool> matches, Func<Task> action)
    {
        var done = 0;
        Before = call => matches(call) && Interlocked.Exchange(ref done, 1) == 0 ? action() : Task.CompletedTask;
    }

    public override string Name => inner.Name;

    public override async Task<NullableResponse<T>> GetEntityIfExistsAsync<T>(string partitionKey, string rowKey, IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
    {
        await SeeAsync(new TableCall("Get", rowKey));
        return await inner.GetEntityIfExistsAsync<T>(partitionKey, rowKey, select, cancellationToken);
    }

    public override async Task<Response<T>> GetEntityAsync<T>(string partitionKey, string rowKey, IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
    {
        await SeeAsync(new TableCall("Get", rowKey));
        return await inner.GetEntityAsync<T>(partitionKey, rowKey, select, cancellationToken);
    }

    public override async Task<Response> AddEntityAsync<T>(T entity, CancellationToken cancellationToken = default)
    {
        await SeeAsync(new TableCall("Add", entity.RowKey));
        return await inner.AddEntityAsync(entity, cancellationToken);
    }

    public override async Task<Response> UpsertEntityAsync<T>(T entity, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default)
    {
        await SeeAsync(new TableCall("Upsert", entity.RowKey));
        return await inner.UpsertEntityAsync(entity, mode, cancellationToken);
    }

    public override async Task<Response> UpdateEntityAsync<T>(T entity, ETag ifMatch, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default)
    {
        await SeeAsync(new TableCall("Update", entity.RowKey));
        return await inner.UpdateEntityAsync(entity, ifMatch, mode, cancellationToken);
    }

    public override async Task<Response> DeleteEntityAsync(string partitionKey, string rowKey, ETag ifMatch = default, CancellationToken cancellationToken = default)
    {
        await SeeAsync(new TableCall("Delete", rowKey));
        return await inner.DeleteEntityAsync(partitionKey, rowKey, ifMatch, cancellationToken);
    }

    public override async Task<Response<IReadOnlyList<Response>>> SubmitTransactionAsync(IEnumerable<TableTransactionAction> transactionActions, CancellationToken cancellationToken = default)
    {
        await SeeAsync(new TableCall("Submit"));
        return await inner.SubmitTransactionAsync(transactionActions, cancellationToken);
    }

    public override AsyncPageable<T> QueryAsync<T>(string? filter = null, int? maxPerPage = null, IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
    {
        // Queries are only recorded: a pageable cannot await a rival before its first page without wrapping it.
        _calls.Enqueue(new TableCall("Query", Filter: filter));
        return inner.QueryAsync<T>(filter, maxPerPage, select, cancellationToken);
    }

    private Task SeeAsync(TableCall call)
    {
        _calls.Enqueue(call);
        return Before?.Invoke(call) ?? Task.CompletedTask;
    }
}
