using System.Net;
using AsyncCommerce.Adapters.Behaviours.Support;
using AsyncCommerce.Adapters.Cosmos.Notifications;
using AsyncCommerce.Adapters.Cosmos.Tests.Support;
using AsyncCommerce.Notifications;
using Microsoft.Azure.Cosmos;

namespace AsyncCommerce.Adapters.Cosmos.Tests.Notifications;

public sealed class CosmosNotificationLogTests
{
    private const string OrderId = "order-1";

    private readonly RecordingContainer _container = new RecordingContainer().Serve<NotificationDocument>();

    [Fact]
    public async Task TryAdd_NewRecord_CreatesItUnderSequenceAndChannelInTheOrdersPartition()
    {
        var added = await Log().TryAddAsync(Record(3, NotificationChannel.Sms));

        Assert.True(added);
        var create = Assert.Single(_container.Writes);
        Assert.Equal(("Create", RecordingContainer.PartitionOf(OrderId), "3:sms"), (create.Operation, create.Partition, create.Id));
        Assert.Equal("sms", (string?)create.Document!["channel"]);
        Assert.Equal("OrderConfirmed", (string?)create.Document!["kind"]);
    }

    [Fact]
    public async Task TryAdd_WhenTheRecordExists_ReturnsFalseOnThe409AndKeepsTheFirst()
    {
        var log = Log();
        var first = Record(3, NotificationChannel.Email);
        await log.TryAddAsync(first);

        var added = await log.TryAddAsync(first with { SentAt = first.SentAt.AddMinutes(1) });

        Assert.False(added);
        Assert.Equal(first.SentAt, _container.Get<NotificationDocument>(OrderId, "3:email")?.SentAt);
    }

    [Fact]
    public async Task List_QueriesTheOrdersPartitionAndSortsBySequenceThenChannel()
    {
        var log = Log();
        await log.TryAddAsync(Record(7, NotificationChannel.Email));
        await log.TryAddAsync(Record(2, NotificationChannel.Sms));
        await log.TryAddAsync(Record(2, NotificationChannel.Email));
        _container.AnswerQueries<NotificationDocument>(_ => _container.Documents<NotificationDocument>(OrderId));

        var timeline = await log.ListAsync(OrderId);

        Assert.Equal([(2, NotificationChannel.Email), (2, NotificationChannel.Sms), (7, NotificationChannel.Email)], timeline.Select(r => (r.EventSequence, r.Channel)));
        Assert.Equal(RecordingContainer.PartitionOf(OrderId), Assert.Single(_container.Sent, request => request.Operation == "Query").Partition);
    }

    [Fact]
    public async Task TryAdd_WhenTheContainerAnswers429_PropagatesItWithoutRetrying()
    {
        // The SDK's own 429 retries run inside the client, below this mocked container; what is tested is the store's
        // part: a 429 that got through them is neither retried as a lost race nor hidden.
        _container.Intercept = Race.Fail(request => request.Operation == "Create", HttpStatusCode.TooManyRequests);

        var thrown = await Assert.ThrowsAsync<CosmosException>(() => Log().TryAddAsync(Record(3, NotificationChannel.Email)));

        Assert.Equal(HttpStatusCode.TooManyRequests, thrown.StatusCode);
        Assert.Single(_container.Sent, request => request.Operation == "Create");
    }

    private static NotificationRecord Record(int eventSequence, NotificationChannel channel) =>
        new(OrderId, NotificationKind.OrderConfirmed, channel, "a***@example.com", eventSequence, OrderFacts.Epoch);

    private CosmosNotificationLog Log() => new(_container.Object);
}
