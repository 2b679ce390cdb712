using AsyncCommerce.Testing;
using Azure.Data.Tables;

namespace AsyncCommerce.Adapters.AzureStorage.Tests.Support;

/// <summary>
/// The tables of a task hub of its own on the test Azurite (<see cref="TestAzurite"/>), named as the host names them
/// (<see cref="AzureStorageTables"/>), created once for a test class and deleted after it: the suites use fresh ids in
/// each test, and one set per class keeps Azurite's work down.
/// </summary>
public sealed class AzuriteTables : IAsyncLifetime
{
    private AzureStorageTables? _tables;

    /// <summary>The behavioural suites race up to 100 writers on one entity; let each of them wait its turn.</summary>
    public static TableConflictRetryOptions ConflictRetry { get; } = new() { MaxAttempts = 300, MaxDelay = TimeSpan.FromMilliseconds(250) };

    private AzureStorageTables Tables => _tables ?? throw new InvalidOperationException("The tables are created in InitializeAsync.");

    public TableClient OrderEvents => Tables.OrderEvents;

    public TableClient Outbox => Tables.Outbox;

    public TableClient OrderViews => Tables.OrderViews;

    public TableClient PickupQueue => Tables.PickupQueue;

    public TableClient Idempotency => Tables.IdempotencyKeys;

    public TableClient Notifications => Tables.Notifications;

    public TableClient CustomerKeys => Tables.CustomerKeys;

    public async Task InitializeAsync()
    {
        _tables = new AzureStorageTables(new TableServiceClient(await TestAzurite.ConnectionStringAsync()), TestAzurite.NewTaskHub());
        await _tables.CreateIfNotExistAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var table in _tables?.All ?? [])
            await table.DeleteAsync();
    }
}
