using System.Net;
using Microsoft.Azure.Cosmos;
using Moq;

namespace AsyncCommerce.Adapters.Cosmos.Tests.Support;

/// <summary>SDK responses and failures as the Cosmos DB service would produce them, built with Moq.</summary>
internal static class CosmosResponses
{
    public static CosmosException Failure(HttpStatusCode status) =>
        new($"Simulated {(int)status} {status}.", status, subStatusCode: 0, activityId: Guid.NewGuid().ToString(), requestCharge: 1);

    public static ItemResponse<T> Item<T>(T resource, string etag, HttpStatusCode status = HttpStatusCode.OK)
    {
        var response = new Mock<ItemResponse<T>>();
        response.SetupGet(r => r.Resource).Returns(resource);
        response.SetupGet(r => r.ETag).Returns(etag);
        response.SetupGet(r => r.StatusCode).Returns(status);
        return response.Object;
    }

    public static TransactionalBatchResponse Batch(HttpStatusCode status)
    {
        var response = new Mock<TransactionalBatchResponse>();
        response.SetupGet(r => r.StatusCode).Returns(status);
        response.SetupGet(r => r.IsSuccessStatusCode).Returns((int)status is >= 200 and < 300);
        response.SetupGet(r => r.ErrorMessage).Returns(status == HttpStatusCode.OK ? null! : $"Simulated {status}.");
        response.SetupGet(r => r.ActivityId).Returns(Guid.NewGuid().ToString());
        return response.Object;
    }

    /// <summary>A query answered with <paramref name="results"/> in one page.</summary>
    public static FeedIterator<T> Feed<T>(IReadOnlyList<T> results)
    {
        var page = new Mock<FeedResponse<T>>();
        page.Setup(p => p.GetEnumerator()).Returns(() => results.GetEnumerator());
        page.SetupGet(p => p.Resource).Returns(results);
        page.SetupGet(p => p.Count).Returns(results.Count);

        var iterator = new Mock<FeedIterator<T>>();
        iterator.SetupSequence(i => i.HasMoreResults).Returns(true).Returns(false);
        iterator.Setup(i => i.ReadNextAsync(It.IsAny<CancellationToken>())).ReturnsAsync(page.Object);
        return iterator.Object;
    }
}
