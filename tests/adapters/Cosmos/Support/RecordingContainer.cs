using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Azure.Cosmos;
using Moq;

namespace AsyncCommerce.Adapters.Cosmos.Tests.Support;

/// <summary>One request a store sent to the container. Batch operations appear as "Batch.Create"/"Batch.Replace" before their "Batch".</summary>
internal sealed record SentRequest(string Operation, string? Partition, string Id, string? IfMatchEtag, JsonObject? Document)
{
    public T As<T>() => Document!.Deserialize<T>(CommerceJsonDefaults.Options)!;
}

/// <summary>
/// A <see cref="Container"/> mocked with Moq (strict: a call the test did not expect fails it) that answers point
/// operations and transactional batches the way the service does (ids per partition, a new ETag per write, 404, 409,
/// 412 on a stale If-Match, all-or-nothing batches), keeps documents as the JSON the adapter's serializer writes, and
/// records every request, so that tests assert what a store sent. <see cref="Intercept"/> runs before each request
/// is applied: return a status to fail it with (429, 503 …), or act as a concurrent writer first.
/// </summary>
internal sealed class RecordingContainer
{
    private readonly Dictionary<(string Partition, string Id), (JsonObject Json, string ETag)> _items = [];
    private readonly List<SentRequest> _sent = [];
    private readonly Lock _gate = new();
    private readonly CosmosSerializer _serializer = CosmosClientFactory.ClientOptions(new CosmosOptions()).Serializer!;
    private int _etags;

    public RecordingContainer() => ServeBatches();

    public Mock<Container> Mock { get; } = new(MockBehavior.Strict);

    public Container Object => Mock.Object;

    /// <summary>Called before a request is applied; a non-null status fails the request with it.</summary>
    public Func<SentRequest, Task<HttpStatusCode?>>? Intercept { get; set; }

    public IReadOnlyList<SentRequest> Sent
    {
        get
        {
            lock (_gate)
                return [.. _sent];
        }
    }

    public IEnumerable<SentRequest> Writes => Sent.Where(request => request.Operation is not ("Read" or "Query"));

    public static string PartitionOf(string value) => new PartitionKey(value).ToString();

    /// <summary>Answers point operations on documents of type <typeparamref name="T"/>.</summary>
    public RecordingContainer Serve<T>()
    {
        Mock.Setup(c => c.ReadItemAsync<T>(It.IsAny<string>(), It.IsAny<PartitionKey>(), It.IsAny<ItemRequestOptions>(), It.IsAny<CancellationToken>()))
            .Returns((string id, PartitionKey partition, ItemRequestOptions _, CancellationToken _) => ReadAsync<T>(id, partition.ToString()));
        Mock.Setup(c => c.CreateItemAsync(It.IsAny<T>(), It.IsAny<PartitionKey?>(), It.IsAny<ItemRequestOptions>(), It.IsAny<CancellationToken>()))
            .Returns((T item, PartitionKey? partition, ItemRequestOptions _, CancellationToken _) => WriteAsync("Create", item, null, partition!.Value.ToString(), null));
        Mock.Setup(c => c.ReplaceItemAsync(It.IsAny<T>(), It.IsAny<string>(), It.IsAny<PartitionKey?>(), It.IsAny<ItemRequestOptions>(), It.IsAny<CancellationToken>()))
            .Returns((T item, string id, PartitionKey? partition, ItemRequestOptions options, CancellationToken _) => WriteAsync("Replace", item, id, partition!.Value.ToString(), options?.IfMatchEtag));
        Mock.Setup(c => c.DeleteItemAsync<T>(It.IsAny<string>(), It.IsAny<PartitionKey>(), It.IsAny<ItemRequestOptions>(), It.IsAny<CancellationToken>()))
            .Returns((string id, PartitionKey partition, ItemRequestOptions _, CancellationToken _) => DeleteAsync<T>(id, partition.ToString()));
        return this;
    }

    /// <summary>Answers queries for <typeparamref name="T"/>; the request is recorded with the query text as its id.</summary>
    public RecordingContainer AnswerQueries<T>(Func<QueryDefinition, IReadOnlyList<T>> answer) => AnswerQueries<T>((query, _) => answer(query));

    /// <summary>Answers queries for <typeparamref name="T"/>, given the partition they were scoped to (null: every partition).</summary>
    public RecordingContainer AnswerQueries<T>(Func<QueryDefinition, PartitionKey?, IReadOnlyList<T>> answer)
    {
        Mock.Setup(c => c.GetItemQueryIterator<T>(It.IsAny<QueryDefinition>(), It.IsAny<string>(), It.IsAny<QueryRequestOptions>()))
            .Returns((QueryDefinition query, string _, QueryRequestOptions options) =>
            {
                Record(new SentRequest("Query", options?.PartitionKey?.ToString(), query.QueryText, null, null));
                return CosmosResponses.Feed(answer(query, options?.PartitionKey));
            });
        return this;
    }

    /// <summary>Stores a document as if written earlier.</summary>
    public void Put<T>(string partitionValue, T document)
    {
        var json = ToJson(document);
        lock (_gate)
            _items[(PartitionOf(partitionValue), IdOf(json))] = (json, NextETag());
    }

    public T? Get<T>(string partitionValue, string id)
    {
        lock (_gate)
            return _items.TryGetValue((PartitionOf(partitionValue), id), out var item) ? item.Json.Deserialize<T>(CommerceJsonDefaults.Options) : default;
    }

    public string? ETagOf(string partitionValue, string id)
    {
        lock (_gate)
            return _items.TryGetValue((PartitionOf(partitionValue), id), out var item) ? item.ETag : null;
    }

    /// <summary>The documents of a partition whose <c>docType</c> is <paramref name="docType"/> (every one when null), by id.</summary>
    public IReadOnlyList<T> Documents<T>(string partitionValue, string? docType = null) => Documents<T>(new PartitionKey(partitionValue), docType);

    /// <summary>The documents of a partition (of every partition when null) whose <c>docType</c> is <paramref name="docType"/> (every one when null), by id.</summary>
    public IReadOnlyList<T> Documents<T>(PartitionKey? partitionKey, string? docType = null)
    {
        var partition = partitionKey?.ToString();
        lock (_gate)
        {
            return
            [
                .. _items.Where(item => partition is null || item.Key.Partition == partition)
                    .Where(item => docType is null || (string?)item.Value.Json["docType"] == docType)
                    .OrderBy(item => item.Key.Id, StringComparer.Ordinal)
                    .Select(item => item.Value.Json.Deserialize<T>(CommerceJsonDefaults.Options)!),
            ];
        }
    }

    /// <summary>The JSON of every document the container holds now, and of every document ever sent to it, as text.</summary>
    public IReadOnlyList<string> AllJson()
    {
        lock (_gate)
            return [.. _items.Values.Select(item => item.Json.ToJsonString()), .. _sent.Where(request => request.Document is not null).Select(request => request.Document!.ToJsonString())];
    }

    private async Task<ItemResponse<T>> ReadAsync<T>(string id, string partition)
    {
        await InterceptAsync(new SentRequest("Read", partition, id, null, null));
        lock (_gate)
        {
            if (!_items.TryGetValue((partition, id), out var item))
                throw CosmosResponses.Failure(HttpStatusCode.NotFound);
            return CosmosResponses.Item(item.Json.Deserialize<T>(CommerceJsonDefaults.Options)!, item.ETag);
        }
    }

    private async Task<ItemResponse<T>> WriteAsync<T>(string operation, T item, string? id, string partition, string? ifMatch)
    {
        var json = ToJson(item);
        var request = new SentRequest(operation, partition, id ?? IdOf(json), ifMatch, json);
        await InterceptAsync(request);
        lock (_gate)
        {
            var failure = Check(request);
            if (failure is { } status)
                throw CosmosResponses.Failure(status);
            var etag = Apply(request);
            return CosmosResponses.Item(item, etag, operation == "Create" ? HttpStatusCode.Created : HttpStatusCode.OK);
        }
    }

    private async Task<ItemResponse<T>> DeleteAsync<T>(string id, string partition)
    {
        await InterceptAsync(new SentRequest("Delete", partition, id, null, null));
        lock (_gate)
        {
            if (!_items.Remove((partition, id)))
                throw CosmosResponses.Failure(HttpStatusCode.NotFound);
            return CosmosResponses.Item<T>(default!, string.Empty, HttpStatusCode.NoContent);
        }
    }

    private void ServeBatches() =>
        Mock.Setup(c => c.CreateTransactionalBatch(It.IsAny<PartitionKey>()))
            .Returns((PartitionKey partition) => NewBatch(partition.ToString()));

    private TransactionalBatch NewBatch(string partition)
    {
        var operations = new List<SentRequest>();
        var batch = new Mock<TransactionalBatch>(MockBehavior.Strict);
        batch.Setup(b => b.CreateItem(It.IsAny<It.IsAnyType>(), It.IsAny<TransactionalBatchItemRequestOptions>()))
            .Returns(new InvocationFunc(invocation =>
            {
                var json = ToJson(invocation.Arguments[0]);
                operations.Add(new SentRequest("Batch.Create", partition, IdOf(json), null, json));
                return batch.Object;
            }));
        batch.Setup(b => b.ReplaceItem(It.IsAny<string>(), It.IsAny<It.IsAnyType>(), It.IsAny<TransactionalBatchItemRequestOptions>()))
            .Returns(new InvocationFunc(invocation =>
            {
                var options = (TransactionalBatchItemRequestOptions?)invocation.Arguments[2];
                operations.Add(new SentRequest("Batch.Replace", partition, (string)invocation.Arguments[0], options?.IfMatchEtag, ToJson(invocation.Arguments[1])));
                return batch.Object;
            }));
        batch.Setup(b => b.ExecuteAsync(It.IsAny<CancellationToken>())).Returns(() => ExecuteAsync(partition, operations));
        return batch.Object;
    }

    private async Task<TransactionalBatchResponse> ExecuteAsync(string partition, List<SentRequest> operations)
    {
        var request = new SentRequest("Batch", partition, $"{operations.Count} operation(s)", null, null);
        lock (_gate)
            _sent.AddRange([.. operations, request]);
        await Task.Yield();
        if (Intercept is { } intercept && await intercept(request) is { } injected)
            return CosmosResponses.Batch(injected);

        lock (_gate)
        {
            // All or nothing: the first failing operation fails the batch and nothing is written.
            var failure = operations.Select(Check).FirstOrDefault(status => status is not null);
            if (failure is { } status)
                return CosmosResponses.Batch(status);
            foreach (var operation in operations)
                Apply(operation);
            return CosmosResponses.Batch(HttpStatusCode.OK);
        }
    }

    private async Task InterceptAsync(SentRequest request)
    {
        Record(request);
        // A network round trip: let racing callers interleave between one caller's read and its write.
        await Task.Yield();
        if (Intercept is { } intercept && await intercept(request) is { } status)
            throw CosmosResponses.Failure(status);
    }

    private HttpStatusCode? Check(SentRequest request)
    {
        var exists = _items.TryGetValue((request.Partition!, request.Id), out var stored);
        return request.Operation switch
        {
            "Create" or "Batch.Create" when exists => HttpStatusCode.Conflict,
            "Replace" or "Batch.Replace" when !exists => HttpStatusCode.NotFound,
            "Replace" or "Batch.Replace" when request.IfMatchEtag is not null && request.IfMatchEtag != stored.ETag => HttpStatusCode.PreconditionFailed,
            _ => null,
        };
    }

    private string Apply(SentRequest request)
    {
        var etag = NextETag();
        _items[(request.Partition!, request.Id)] = (request.Document!, etag);
        return etag;
    }

    private void Record(SentRequest request)
    {
        lock (_gate)
            _sent.Add(request);
    }

    private JsonObject ToJson<T>(T document)
    {
        using var stream = document is null ? throw new ArgumentNullException(nameof(document)) : _serializer.ToStream<object>(document);
        return JsonNode.Parse(stream)!.AsObject();
    }

    private static string IdOf(JsonObject json) => (string?)json["id"] ?? throw new InvalidOperationException("A document without an id was sent.");

    private string NextETag() => $"\"etag-{Interlocked.Increment(ref _etags)}\"";
}
