using System.Net;
using AsyncCommerce.Adapters.Behaviours.Support;
using AsyncCommerce.Adapters.Cosmos.Orders;
using AsyncCommerce.Adapters.Cosmos.Tests.Support;
using AsyncCommerce.Orders;
using Microsoft.Azure.Cosmos;

namespace AsyncCommerce.Adapters.Cosmos.Tests.Orders;

public sealed class CosmosOrderEventStoreTests
{
    private const string OrderId = "order-1";
    private static readonly string Partition = RecordingContainer.PartitionOf(OrderId);

    private readonly RecordingContainer _container = new RecordingContainer()
        .Serve<StreamHeadDocument>()
        .Serve<EventIdDocument>()
        .Serve<OrderEventDocument>();

    [Fact]
    public async Task Append_ToANewOrder_WritesHeadEventAndEventIdInOneBatchInTheOrdersPartition()
    {
        var stored = await Store().AppendAsync(OrderId, "evt-1", OrderFacts.Epoch, new StockReserved("store-001"));

        Assert.Equal(new OrderEvent(OrderId, 1, "evt-1", OrderFacts.Epoch, new StockReserved("store-001")), stored);
        var writes = _container.Writes.ToList();
        Assert.Equal(["Batch.Create", "Batch.Create", "Batch.Create", "Batch"], writes.Select(w => w.Operation));
        Assert.All(writes, write => Assert.Equal(Partition, write.Partition));
        Assert.Equal(StreamHeadDocument.At(OrderId, 1), writes[0].As<StreamHeadDocument>());
        Assert.Equal("0000000001", writes[1].Id);
        Assert.Equal("StockReserved", (string?)writes[1].Document!["type"]);
        Assert.Equal("StockReserved", (string?)writes[1].Document!["data"]!["$type"]);
        Assert.Equal(new EventIdDocument("eventId:evt-1", OrderId, "eventId", "evt-1", 1), writes[2].As<EventIdDocument>());
    }

    [Fact]
    public async Task Append_ToAnExistingStream_ReplacesTheHeadOnTheETagItRead()
    {
        var store = Store();
        await store.AppendAsync(OrderId, "evt-1", OrderFacts.Epoch, OrderFacts.Placed());
        var headETag = _container.ETagOf(OrderId, StreamHeadDocument.HeadId);

        var stored = await store.AppendAsync(OrderId, "evt-2", OrderFacts.Epoch, new StockReserved("store-001"));

        Assert.Equal(2, stored.Sequence);
        var replace = Assert.Single(_container.Writes, write => write.Operation == "Batch.Replace");
        Assert.Equal(headETag, replace.IfMatchEtag);
        Assert.Equal(StreamHeadDocument.At(OrderId, 2), replace.As<StreamHeadDocument>());
        Assert.Contains(_container.Writes, write => write is { Operation: "Batch.Create", Id: "0000000002" });
    }

    [Fact]
    public async Task Append_WhenAnotherWriterAppendsBetweenReadAndBatch_RetriesOn412AndTakesTheNextSequence()
    {
        var (store, rival) = (Store(), Store());
        await store.AppendAsync(OrderId, "evt-0", OrderFacts.Epoch, OrderFacts.Placed());
        var staleHead = _container.ETagOf(OrderId, StreamHeadDocument.HeadId);
        var (rivals, afterRival) = ((OrderEvent?)null, (string?)null);
        _container.Intercept = Race.Before(
            request => request.Operation == "Batch",
            async () =>
            {
                rivals = await rival.AppendAsync(OrderId, "evt-rival", OrderFacts.Epoch, new StockReserved("rival"));
                afterRival = _container.ETagOf(OrderId, StreamHeadDocument.HeadId);
            });

        var ours = await store.AppendAsync(OrderId, "evt-ours", OrderFacts.Epoch, new StockReserved("ours"));

        Assert.Equal(2, rivals?.Sequence);
        Assert.Equal(3, ours.Sequence);
        // Ours (stale, failed with 412), the rival's (committed), ours again on the head the rival left.
        var headReplaces = _container.Writes.Where(write => write.Operation == "Batch.Replace").Select(write => (write.IfMatchEtag, write.As<StreamHeadDocument>().LastSequence));
        Assert.Equal([(staleHead, 2), (staleHead, 2), (afterRival, 3)], headReplaces);
        Assert.Equal(["evt-0", "evt-rival", "evt-ours"], _container.Documents<OrderEventDocument>(OrderId, "event").Select(e => e.EventId));
    }

    [Fact]
    public async Task Append_WhenTwoWritersRaceForOneSequence_OnlyOneEventIsStoredAtIt()
    {
        var (store, rival) = (Store(), Store());
        await store.AppendAsync(OrderId, "evt-0", OrderFacts.Epoch, OrderFacts.Placed());
        _container.Intercept = Race.Before(
            request => request.Operation == "Batch",
            () => rival.AppendAsync(OrderId, "evt-rival", OrderFacts.Epoch, new StockReserved("rival")));

        await store.AppendAsync(OrderId, "evt-ours", OrderFacts.Epoch, new StockReserved("ours"));

        var attemptsAtTwo = _container.Sent.Where(request => request is { Operation: "Batch.Create", Id: "0000000002" }).Select(request => (string?)request.Document!["eventId"]);
        Assert.Equal(["evt-ours", "evt-rival"], attemptsAtTwo.Order(StringComparer.Ordinal));
        Assert.Equal("evt-rival", _container.Get<OrderEventDocument>(OrderId, "0000000002")?.EventId);
    }

    [Fact]
    public async Task Append_WhenTheSameEventIsAppendedConcurrently_ReturnsTheOneStoredAfterA409()
    {
        var (store, rival) = (Store(), Store());
        _container.Intercept = Race.Before(
            request => request.Operation == "Batch",
            () => rival.AppendAsync(OrderId, "evt-1", OrderFacts.Epoch, new StockReserved("first")));

        var stored = await store.AppendAsync(OrderId, "evt-1", OrderFacts.Epoch.AddMinutes(1), new StockReserved("second"));

        Assert.Equal(new OrderEvent(OrderId, 1, "evt-1", OrderFacts.Epoch, new StockReserved("first")), stored);
        Assert.Single(_container.Documents<OrderEventDocument>(OrderId, "event"));
    }

    [Fact]
    public async Task Append_SameEventIdAgain_ReturnsTheStoredEventWithoutWriting()
    {
        var store = Store();
        var first = await store.AppendAsync(OrderId, "evt-1", OrderFacts.Epoch, new StockReserved("store-001"));
        var writes = _container.Writes.Count();

        var again = await store.AppendAsync(OrderId, "evt-1", OrderFacts.Epoch.AddHours(1), new StockReserved("elsewhere"));

        Assert.Equal(first, again);
        Assert.Equal(writes, _container.Writes.Count());
    }

    [Fact]
    public async Task Append_WhenEveryBatchLosesTheRace_GivesUpAfterTheConfiguredAttempts()
    {
        _container.Intercept = Race.Fail(request => request.Operation == "Batch", HttpStatusCode.PreconditionFailed);

        await Assert.ThrowsAsync<CosmosConcurrencyException>(() => Store(maxAttempts: 3).AppendAsync(OrderId, "evt-1", OrderFacts.Epoch, OrderFacts.Placed()));

        Assert.Equal(3, _container.Sent.Count(request => request.Operation == "Batch"));
    }

    [Fact]
    public async Task Append_WhenTheBatchIsStillThrottledAfterTheSdksRetries_Surfaces429()
    {
        _container.Intercept = Race.Fail(request => request.Operation == "Batch", HttpStatusCode.TooManyRequests);

        var thrown = await Assert.ThrowsAsync<CosmosException>(() => Store().AppendAsync(OrderId, "evt-1", OrderFacts.Epoch, OrderFacts.Placed()));

        Assert.Equal(HttpStatusCode.TooManyRequests, thrown.StatusCode);
        Assert.Single(_container.Sent, request => request.Operation == "Batch");
    }

    [Fact]
    public async Task Append_WhenTheServiceIsUnavailable_Propagates503AndWritesNothing()
    {
        _container.Intercept = Race.Fail(request => request.Operation == "Read", HttpStatusCode.ServiceUnavailable);

        var thrown = await Assert.ThrowsAsync<CosmosException>(() => Store().AppendAsync(OrderId, "evt-1", OrderFacts.Epoch, OrderFacts.Placed()));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, thrown.StatusCode);
        Assert.Empty(_container.Writes);
    }

    [Fact]
    public async Task Read_QueriesTheOrdersPartitionForLaterEventsOldestFirst()
    {
        var store = Store();
        await store.AppendAsync(OrderId, "evt-1", OrderFacts.Epoch, OrderFacts.Placed());
        await store.AppendAsync(OrderId, "evt-2", OrderFacts.Epoch, new StockReserved("store-001"));
        await store.AppendAsync(OrderId, "evt-3", OrderFacts.Epoch, new OrderConfirmed(FulfillmentType.Pickup));
        QueryDefinition? sent = null;
        _container.AnswerQueries<OrderEventDocument>(query =>
        {
            sent = query;
            var after = (int)query.GetQueryParameters().Single(parameter => parameter.Name == "@afterSequence").Value;
            return [.. _container.Documents<OrderEventDocument>(OrderId, "event").Where(document => document.Sequence > after)];
        });

        var newer = await store.ReadAsync(OrderId, afterSequence: 1);

        Assert.Equal([(2, nameof(StockReserved)), (3, nameof(OrderConfirmed))], newer.Select(e => (e.Sequence, e.Type)));
        Assert.Equal(Partition, Assert.Single(_container.Sent, request => request.Operation == "Query").Partition);
        Assert.Contains("ORDER BY c.sequence", sent?.QueryText, StringComparison.Ordinal);
        Assert.Equal([("@docType", (object)"event"), ("@afterSequence", 1)], sent?.GetQueryParameters());
    }

    private CosmosOrderEventStore Store(int maxAttempts = 5) => new(_container.Object, ConflictRetries.RetryAtOnce(maxAttempts));
}
