using System.Globalization;
using System.Text.Json;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AsyncCommerce.Adapters.Cosmos.Orders;

/// <summary>
/// The order streams as a transactional outbox on Azure: a Cosmos DB change feed processor over the order-events
/// container hands every appended document to the <see cref="OrderEventFeedPublisher"/>, which publishes the events.
/// An append is the record; publishing follows it, late when the bus is down, never lost, and never able to fail the
/// order that appended it.
/// </summary>
/// <remarks>
/// The processor keeps its leases (one per range of the container, with the continuation it reached) in the lease
/// container, so several instances share the ranges and one that stops hands its ranges to the others. A new lease
/// set starts from the beginning of the feed: events appended before the first processor ever ran (or after the lease
/// container was recreated) are published too; re-published events are dropped by duplicate detection or by the
/// idempotent consumers. Like the Service Bus consumers, it runs only while an instance runs (an always-on plan).
/// </remarks>
internal sealed partial class CosmosOrderEventFeed(
    CosmosContainers containers,
    OrderEventFeedPublisher publisher,
    IOptions<CosmosOptions> options,
    ILogger<CosmosOrderEventFeed> logger) : IHostedService
{
    /// <summary>
    /// The processor's name, the prefix of its leases. Renaming it starts a new lease set, which reads the whole
    /// feed again from the beginning.
    /// </summary>
    public const string ProcessorName = "order-event-publisher";

    /// <summary>The change feed processor requires its lease container to be partitioned by <c>/id</c>.</summary>
    public const string LeasePartitionKeyPath = "/id";

    private ChangeFeedProcessor? _processor;

    /// <summary>Unique per process, so that two workers on one machine hold their leases apart.</summary>
    public static string InstanceName { get; } = string.Create(CultureInfo.InvariantCulture, $"{Environment.MachineName}-{Environment.ProcessId}");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _processor = Build();
        await _processor.StartAsync();
        LogStarted(ProcessorName, InstanceName, containers.OrderEvents.Id, containers.Leases.Id);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_processor is null)
            return;

        // Lets the batch in flight finish and releases this instance's leases, so another instance takes them at once.
        await _processor.StopAsync();
        _processor = null;
        LogStopped(ProcessorName, InstanceName);
    }

    /// <summary>The processor as configured, not started.</summary>
    internal ChangeFeedProcessor Build()
    {
        var settings = options.Value.OrderEventFeed;
        // JsonElement, not a document type: the feed carries every kind of document of the container (heads, events,
        // event-id markers), and the publisher picks the events out.
        return containers.OrderEvents
            .GetChangeFeedProcessorBuilder<JsonElement>(ProcessorName, publisher.PublishAsync)
            .WithInstanceName(InstanceName)
            .WithLeaseContainer(containers.Leases)
            // The SDK's documented way to read a new lease set from the beginning (WithStartFromBeginning is internal in
            // v3); an existing lease resumes from its own continuation and ignores this.
            .WithStartTime(DateTime.MinValue.ToUniversalTime())
            .WithPollInterval(settings.PollInterval)
            .WithMaxItems(settings.MaxItemsPerBatch)
            .WithErrorNotification(OnErrorAsync)
            .Build();
    }

    // The processor retries on its own (a failed batch is delivered again); this only makes the failure visible. A
    // publishing failure was already logged with its order by the publisher.
    private Task OnErrorAsync(string leaseToken, Exception exception)
    {
        LogError(exception, ProcessorName, leaseToken);
        return Task.CompletedTask;
    }

    [LoggerMessage(EventId = 5111, EventName = "OrderEventFeedStarted", Level = LogLevel.Information, Message = "Change feed processor {ProcessorName} started as {InstanceName} on {Container}, leases in {LeaseContainer}")]
    private partial void LogStarted(string processorName, string instanceName, string container, string leaseContainer);

    [LoggerMessage(EventId = 5112, EventName = "OrderEventFeedStopped", Level = LogLevel.Information, Message = "Change feed processor {ProcessorName} stopped as {InstanceName}; its leases are released")]
    private partial void LogStopped(string processorName, string instanceName);

    [LoggerMessage(EventId = 5113, EventName = "OrderEventFeedError", Level = LogLevel.Warning, Message = "Change feed processor {ProcessorName}: lease {LeaseToken} reported an error; the processor retries it")]
    private partial void LogError(Exception exception, string processorName, string leaseToken);
}
