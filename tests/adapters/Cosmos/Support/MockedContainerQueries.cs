using AsyncCommerce.Adapters.Cosmos.Inventory;
using AsyncCommerce.Adapters.Cosmos.Notifications;
using AsyncCommerce.Adapters.Cosmos.Orders;
using AsyncCommerce.Adapters.Cosmos.Privacy;
using AsyncCommerce.Orders;
using Microsoft.Azure.Cosmos;

namespace AsyncCommerce.Adapters.Cosmos.Tests.Support;

/// <summary>
/// The stores' few queries answered over a <see cref="RecordingContainer"/>'s documents, so that the shared
/// behavioural suites can run against the Cosmos adapters without a Cosmos DB. These restate each query's SQL in LINQ;
/// the opt-in suites against a real account are what check the SQL itself.
/// </summary>
internal static class MockedContainerQueries
{
    public static RecordingContainer ForOrderEvents() => new RecordingContainer()
        .Serve<StreamHeadDocument>()
        .Serve<EventIdDocument>()
        .Serve<OrderEventDocument>()
        .AnswerQueriesWith<OrderEventDocument>(AnswerEvents);

    public static RecordingContainer ForOrderViews() => new RecordingContainer()
        .Serve<OrderViewDocument>()
        .AnswerQueriesWith<OrderViewDocument>(AnswerPickups);

    public static RecordingContainer ForInventory() => new RecordingContainer()
        .Serve<StockDocument>()
        .Serve<ReservationDocument>()
        .AnswerQueriesWith<StockDocument>(AnswerStock);

    public static RecordingContainer ForNotifications() => new RecordingContainer()
        .Serve<NotificationDocument>()
        .AnswerQueriesWith<NotificationDocument>(AnswerNotifications);

    /// <summary>The key store makes point operations only: no query to answer.</summary>
    public static RecordingContainer ForCustomerKeys() => new RecordingContainer()
        .Serve<CustomerKeyDocument>();

    /// <summary>Retries for suites that race up to 100 writers on one document: many attempts, a short jittered backoff.</summary>
    public static CosmosConflictRetryOptions ConflictRetry { get; } = new() { MaxAttempts = 1_000, BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(10) };

    // SELECT * FROM c WHERE c.docType = @docType AND c.sequence > @afterSequence ORDER BY c.sequence (one order's partition)
    private static IReadOnlyList<OrderEventDocument> AnswerEvents(RecordingContainer container, QueryDefinition query, PartitionKey? partition)
    {
        var after = (int)Parameter(query, "@afterSequence");
        return [.. container.Documents<OrderEventDocument>(partition, (string)Parameter(query, "@docType")).Where(e => e.Sequence > after).OrderBy(e => e.Sequence)];
    }

    // SELECT VALUE c FROM c WHERE pickup at @storeId with a status in @statuses ORDER BY c.createdAt (every partition)
    private static IReadOnlyList<OrderViewDocument> AnswerPickups(RecordingContainer container, QueryDefinition query, PartitionKey? partition)
    {
        var storeId = (string)Parameter(query, "@storeId");
        var statuses = (IEnumerable<string>)Parameter(query, "@statuses");
        return
        [
            .. container.Documents<OrderViewDocument>(partition)
                .Where(document => document.View.Fulfillment is { Type: FulfillmentType.Pickup } fulfillment && fulfillment.StoreId == storeId)
                .Where(document => statuses.Contains(CosmosJson.NameOf(document.View.Status)))
                .OrderBy(document => document.CreatedAt),
        ];
    }

    // SELECT * FROM c WHERE c.docType = @docType (one SKU's partition)
    private static IReadOnlyList<StockDocument> AnswerStock(RecordingContainer container, QueryDefinition query, PartitionKey? partition) =>
        container.Documents<StockDocument>(partition, (string)Parameter(query, "@docType"));

    // SELECT * FROM c (one order's partition)
    private static IReadOnlyList<NotificationDocument> AnswerNotifications(RecordingContainer container, QueryDefinition query, PartitionKey? partition) =>
        container.Documents<NotificationDocument>(partition);

    private static object Parameter(QueryDefinition query, string name) => query.GetQueryParameters().Single(parameter => parameter.Name == name).Value;

    private static RecordingContainer AnswerQueriesWith<T>(this RecordingContainer container, Func<RecordingContainer, QueryDefinition, PartitionKey?, IReadOnlyList<T>> answer) =>
        container.AnswerQueries<T>((query, partition) => answer(container, query, partition));
}
