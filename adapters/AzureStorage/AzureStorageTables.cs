using Azure.Data.Tables;

namespace AsyncCommerce.Adapters.AzureStorage;

/// <summary>
/// The tables of one task hub. Their names start with the hub's name, so two hubs on one storage account are two
/// separate worlds, and they sit next to the tables Durable Task itself creates for the hub (History, Instances).
/// </summary>
public sealed class AzureStorageTables(TableServiceClient service, string taskHub)
{
    public TableClient OrderEvents { get; } = service.GetTableClient($"{taskHub}OrderEvents");

    public TableClient Outbox { get; } = service.GetTableClient($"{taskHub}Outbox");

    public TableClient OrderViews { get; } = service.GetTableClient($"{taskHub}OrderViews");

    public TableClient PickupQueue { get; } = service.GetTableClient($"{taskHub}PickupQueue");

    public TableClient Stock { get; } = service.GetTableClient($"{taskHub}Stock");

    public TableClient IdempotencyKeys { get; } = service.GetTableClient($"{taskHub}IdempotencyKeys");

    public TableClient Notifications { get; } = service.GetTableClient($"{taskHub}Notifications");

    public TableClient Catalog { get; } = service.GetTableClient($"{taskHub}Catalog");

    public TableClient PaymentLedger { get; } = service.GetTableClient($"{taskHub}PaymentLedger");

    public TableClient CustomerKeys { get; } = service.GetTableClient($"{taskHub}CustomerKeys");

    public IReadOnlyList<TableClient> All => [OrderEvents, Outbox, OrderViews, PickupQueue, Stock, IdempotencyKeys, Notifications, Catalog, PaymentLedger, CustomerKeys];

    public async Task CreateIfNotExistAsync(CancellationToken cancellationToken = default)
    {
        foreach (var table in All)
            await table.CreateIfNotExistsAsync(cancellationToken);
    }
}
