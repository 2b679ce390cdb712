using System.Net;
using AsyncCommerce.Adapters.Behaviours.Support;
using AsyncCommerce.Adapters.Cosmos.Checkout;
using AsyncCommerce.Adapters.Cosmos.Tests.Support;
using AsyncCommerce.Checkout;
using Microsoft.Azure.Cosmos;

namespace AsyncCommerce.Adapters.Cosmos.Tests.Checkout;

public sealed class CosmosIdempotencyStoreTests
{
    private const string Key = "key-0001";

    private readonly RecordingContainer _container = new RecordingContainer().Serve<IdempotencyDocument>();

    [Fact]
    public async Task Claim_NewKey_CreatesTheRecordInTheKeysOwnPartition()
    {
        var candidate = Record("order-1");

        var claimed = await Store().ClaimAsync(candidate);

        Assert.Equal(candidate, claimed);
        var create = Assert.Single(_container.Writes);
        Assert.Equal(("Create", RecordingContainer.PartitionOf(Key), Key), (create.Operation, create.Partition, create.Id));
        Assert.Equal("InProgress", (string?)create.Document!["state"]);
        Assert.Equal("order-1", (string?)create.Document!["orderId"]);
    }

    [Fact]
    public async Task Claim_TakenKey_ReturnsTheStoredRecordAfterA409()
    {
        var store = Store();
        var first = await store.ClaimAsync(Record("order-1"));

        var claimed = await store.ClaimAsync(Record("order-2"));

        Assert.Equal(first, claimed);
        Assert.Equal(["Create", "Create"], _container.Writes.Select(write => write.Operation));
        Assert.Equal("Read", _container.Sent[^1].Operation);
    }

    [Fact]
    public async Task TryReplace_WhenTheStoredRecordIsTheExpectedOne_ReplacesOnItsETag()
    {
        var store = Store();
        var inProgress = await store.ClaimAsync(Record("order-1"));
        var etag = _container.ETagOf(Key, Key);

        var replaced = await store.TryReplaceAsync(inProgress, inProgress with { State = IdempotencyState.Completed });

        Assert.True(replaced);
        var replace = Assert.Single(_container.Writes, write => write.Operation == "Replace");
        Assert.Equal((etag, "Completed"), (replace.IfMatchEtag, (string?)replace.Document!["state"]));
    }

    [Fact]
    public async Task TryReplace_WhenAnotherInstanceTakesTheKeyOverBetweenReadAndReplace_ReturnsFalseAfterA412()
    {
        var (store, rival) = (Store(), Store());
        var inProgress = await store.ClaimAsync(Record("order-1"));
        var takenOver = inProgress with { OrderId = "order-2" };
        _container.Intercept = Race.Before(request => request.Operation == "Replace", () => rival.TryReplaceAsync(inProgress, takenOver));

        var replaced = await store.TryReplaceAsync(inProgress, inProgress with { State = IdempotencyState.Completed });

        Assert.False(replaced);
        Assert.Equal(takenOver, await store.GetAsync(Key));
    }

    [Fact]
    public async Task ClaimAndReplace_WithTheRetentionSetting_GiveEveryWriteThatRetentionAsItsTimeToLiveInSeconds()
    {
        var store = new CosmosIdempotencyStore(_container.Object, ConflictRetries.RetryAtOnce(), retention: TimeSpan.FromHours(36));
        var inProgress = await store.ClaimAsync(Record("order-1"));

        await store.TryReplaceAsync(inProgress, inProgress with { State = IdempotencyState.Completed });

        Assert.Equal([("Create", 129_600), ("Replace", 129_600)], _container.Writes.Select(write => (write.Operation, (int)write.Document!["ttl"]!)));
    }

    [Fact]
    public async Task Claim_WithoutARetentionSetting_GivesTheKeyTheContractsDayAsItsTimeToLive()
    {
        await Store().ClaimAsync(Record("order-1"));

        Assert.Equal(86_400, (int)Assert.Single(_container.Writes).Document!["ttl"]!);
    }

    [Fact]
    public async Task Claim_KeyWithCharactersCosmosRefusesInIds_StoresItUnderAnEscapedId()
    {
        var store = Store();
        var candidate = Record("order-1") with { Key = "tenant/42#a" };

        await store.ClaimAsync(candidate);

        Assert.Equal("tenant%2F42%23a", Assert.Single(_container.Writes).Id);
        Assert.Equal(candidate, await store.GetAsync("tenant/42#a"));
    }

    [Fact]
    public async Task Get_WhenTheServiceIsUnavailable_Propagates503()
    {
        _container.Intercept = Race.Fail(request => request.Operation == "Read", HttpStatusCode.ServiceUnavailable);

        var thrown = await Assert.ThrowsAsync<CosmosException>(() => Store().GetAsync(Key));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, thrown.StatusCode);
    }

    private static IdempotencyRecord Record(string orderId) => new(Key, "sha256:body", orderId, IdempotencyState.InProgress, OrderFacts.Epoch);

    private CosmosIdempotencyStore Store() => new(_container.Object, ConflictRetries.RetryAtOnce());
}
