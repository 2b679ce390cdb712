using System.Net;
using Microsoft.Azure.Cosmos;

namespace AsyncCommerce.Adapters.Cosmos;

/// <summary>A document as read, with the ETag a conditional write must match.</summary>
internal sealed record Stored<T>(T Document, string ETag);

/// <summary>
/// The few Cosmos DB calls the stores make, with the status codes each store decides on turned into values. Every
/// other failure (429 after the SDK's own retries, 503, timeouts) propagates, so the activity that called retries.
/// </summary>
internal static class ContainerExtensions
{
    public static async Task<Stored<T>?> ReadOrNullAsync<T>(this Container container, string id, PartitionKey partitionKey, CancellationToken cancellationToken)
    {
        try
        {
            var response = await container.ReadItemAsync<T>(id, partitionKey, cancellationToken: cancellationToken);
            return new Stored<T>(response.Resource, response.ETag);
        }
        catch (CosmosException exception) when (exception.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>Creates the document unless one with its id exists: its ETag, or null on 409 Conflict.</summary>
    public static async Task<string?> TryCreateAsync<T>(this Container container, T document, PartitionKey partitionKey, CancellationToken cancellationToken)
    {
        try
        {
            var response = await container.CreateItemAsync(document, partitionKey, cancellationToken: cancellationToken);
            return response.ETag;
        }
        catch (CosmosException exception) when (exception.StatusCode == HttpStatusCode.Conflict)
        {
            return null;
        }
    }

    /// <summary>
    /// Replaces the document only while it still has <paramref name="ifMatchEtag"/>: its new ETag, or null when a
    /// concurrent writer changed it first (412 Precondition Failed) or it is gone (404).
    /// </summary>
    public static async Task<string?> TryReplaceAsync<T>(this Container container, T document, string id, PartitionKey partitionKey, string ifMatchEtag, CancellationToken cancellationToken)
    {
        try
        {
            var options = new ItemRequestOptions { IfMatchEtag = ifMatchEtag };
            var response = await container.ReplaceItemAsync(document, id, partitionKey, options, cancellationToken);
            return response.ETag;
        }
        catch (CosmosException exception) when (exception.StatusCode is HttpStatusCode.PreconditionFailed or HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>Every result of the query, page after page.</summary>
    public static async Task<List<T>> QueryAllAsync<T>(this Container container, QueryDefinition query, QueryRequestOptions options, CancellationToken cancellationToken)
    {
        var results = new List<T>();
        using var pages = container.GetItemQueryIterator<T>(query, requestOptions: options);
        while (pages.HasMoreResults)
        {
            var page = await pages.ReadNextAsync(cancellationToken);
            results.AddRange(page);
        }

        return results;
    }

    /// <summary>A failed batch as the exception a single failed request would have thrown, so it propagates alike.</summary>
    public static CosmosException ToException(this TransactionalBatchResponse response, string what) =>
        new($"{what} failed: {(int)response.StatusCode} {response.ErrorMessage}", response.StatusCode, 0, response.ActivityId, response.RequestCharge);
}
