using System.Net;
using AsyncCommerce.Adapters.Behaviours.Support;
using AsyncCommerce.Adapters.Cosmos.Orders;
using AsyncCommerce.Adapters.Cosmos.Tests.Support;
using AsyncCommerce.Orders;
using Microsoft.Azure.Cosmos;

namespace AsyncCommerce.Adapters.Cosmos.Tests.Orders;

public sealed class CosmosOrderViewStoreTests
{
    private const string OrderId = "order-1";

    private readonly RecordingContainer _container = new RecordingContainer().Serve<OrderViewDocument>();

    [Fact]
    public async Task Save_NewOrder_CreatesTheViewInTheOrdersPartitionWithItsCreationInstantInUtc()
    {
        var createdAt = new DateTimeOffset(2025, 1, 1, 10, 0, 0, TimeSpan.FromHours(1));

        await Store().SaveAsync(View(version: 1, createdAt: createdAt));

        var create = Assert.Single(_container.Writes);
        Assert.Equal(("Create", RecordingContainer.PartitionOf(OrderId), OrderId), (create.Operation, create.Partition, create.Id));
        Assert.Equal("2025-01-01T09:00:00+00:00", (string?)create.Document!["createdAt"]);
        Assert.Equal("Confirmed", (string?)create.Document!["view"]!["status"]);
        Assert.Equal("pickup", (string?)create.Document!["view"]!["fulfillment"]!["type"]);
    }

    [Fact]
    public async Task Save_NewerVersion_ReplacesOnTheETagItRead()
    {
        var store = Store();
        await store.SaveAsync(View(version: 1));
        var etag = _container.ETagOf(OrderId, OrderId);

        await store.SaveAsync(View(version: 2, OrderStatus.ReadyForPickup));

        var replace = Assert.Single(_container.Writes, write => write.Operation == "Replace");
        Assert.Equal(etag, replace.IfMatchEtag);
        Assert.Equal(OrderStatus.ReadyForPickup, (await store.GetAsync(OrderId))?.Status);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(2)]
    public async Task Save_SameOrOlderVersion_WritesNothing(int version)
    {
        var store = Store();
        await store.SaveAsync(View(version: 3));

        await store.SaveAsync(View(version, OrderStatus.Cancelled));

        Assert.Single(_container.Writes);
        Assert.Equal(OrderStatus.Confirmed, (await store.GetAsync(OrderId))?.Status);
    }

    [Fact]
    public async Task Save_WhenAnotherProjectionCreatesTheViewFirst_RereadsAfter409AndReplacesWithTheLaterVersion()
    {
        var (store, rival) = (Store(), Store());
        _container.Intercept = Race.Before(request => request.Operation == "Create", () => rival.SaveAsync(View(version: 1)));

        await store.SaveAsync(View(version: 2, OrderStatus.ReadyForPickup));

        Assert.Equal(["Create", "Create", "Replace"], _container.Writes.Select(write => write.Operation));
        Assert.Equal(2, (await store.GetAsync(OrderId))?.Version);
    }

    [Fact]
    public async Task Save_WhenALaterVersionLandsBetweenReadAndReplace_KeepsTheLaterVersion()
    {
        var (store, rival) = (Store(), Store());
        await store.SaveAsync(View(version: 1));
        _container.Intercept = Race.Before(request => request.Operation == "Replace", () => rival.SaveAsync(View(version: 5, OrderStatus.Completed)));

        await store.SaveAsync(View(version: 3, OrderStatus.ReadyForPickup));

        var stored = await store.GetAsync(OrderId);
        Assert.Equal((5, OrderStatus.Completed), (stored?.Version, stored?.Status));
    }

    [Fact]
    public async Task ListPickups_QueriesAcrossPartitionsForTheStoresOpenPickupsAndReturnsTheOldestFirst()
    {
        var late = Document("order-late", new DateTimeOffset(2025, 1, 1, 9, 30, 0, TimeSpan.Zero));
        var early = Document("order-early", new DateTimeOffset(2025, 1, 1, 10, 0, 0, TimeSpan.FromHours(2)));
        QueryDefinition? sent = null;
        _container.AnswerQueries<OrderViewDocument>(query =>
        {
            sent = query;
            return [late, early];
        });

        var queue = await Store().ListPickupsAsync("store-001", status: null);

        Assert.Equal(["order-early", "order-late"], queue.Select(view => view.OrderId));
        Assert.Null(Assert.Single(_container.Sent, request => request.Operation == "Query").Partition);
        var parameters = sent!.GetQueryParameters().ToDictionary(parameter => parameter.Name, parameter => parameter.Value);
        Assert.Equal("pickup", parameters["@pickup"]);
        Assert.Equal("store-001", parameters["@storeId"]);
        Assert.Equal(["Confirmed", "ReadyForPickup"], (IEnumerable<string>)parameters["@statuses"]);
        Assert.Contains("ORDER BY c.createdAt", sent.QueryText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListPickups_WithAStatus_AsksForThatStatusOnly()
    {
        QueryDefinition? sent = null;
        _container.AnswerQueries<OrderViewDocument>(query =>
        {
            sent = query;
            return [];
        });

        await Store().ListPickupsAsync("store-001", OrderStatus.ReadyForPickup);

        Assert.Equal(["ReadyForPickup"], (IEnumerable<string>)sent!.GetQueryParameters().Single(parameter => parameter.Name == "@statuses").Value);
    }

    [Fact]
    public async Task Get_WhenTheContainerAnswers429_PropagatesItWithoutRetrying()
    {
        // The SDK's own 429 retries run inside the client, below this mocked container; what is tested is the store's
        // part: a 429 that got through them is neither retried as a lost race nor hidden.
        _container.Intercept = Race.Fail(request => request.Operation == "Read", HttpStatusCode.TooManyRequests);

        var thrown = await Assert.ThrowsAsync<CosmosException>(() => Store().GetAsync(OrderId));

        Assert.Equal(HttpStatusCode.TooManyRequests, thrown.StatusCode);
        Assert.Single(_container.Sent, request => request.Operation == "Read");
    }

    [Fact]
    public async Task Save_WhenTheServiceIsUnavailable_Propagates503()
    {
        _container.Intercept = Race.Fail(request => request.Operation == "Create", HttpStatusCode.ServiceUnavailable);

        var thrown = await Assert.ThrowsAsync<CosmosException>(() => Store().SaveAsync(View(version: 1)));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, thrown.StatusCode);
    }

    private static OrderView View(int version, OrderStatus status = OrderStatus.Confirmed, DateTimeOffset? createdAt = null) =>
        OrderFacts.View(OrderId, OrderFacts.Pickup("store-001"), status, version, createdAt);

    private static OrderViewDocument Document(string orderId, DateTimeOffset createdAt) =>
        OrderViewDocument.From(OrderFacts.View(orderId, OrderFacts.Pickup("store-001"), createdAt: createdAt));

    private CosmosOrderViewStore Store() => new(_container.Object, ConflictRetries.RetryAtOnce());
}
