using AsyncCommerce.Testing;
using Azure.Data.Tables;

namespace AsyncCommerce.Adapters.AzureStorage.Tests.Support;

/// <summary>
/// A set of tables of its own on the test Azurite (<see cref="TestAzurite"/>), created once for a test class and
/// deleted after it: the suites use fresh ids in each test, and one set per class keeps Azurite's work down.
/// </summary>
public sealed class AzuriteTables : IAsyncLifetime
{
    private TableServiceClient? _service;
    private readonly List<TableClient> _created = [];

    /// <summary>The behavioural suites race up to 100 writers on one entity; let each of them wait its turn.</summary>
    public static TableConflictRetryOptions ConflictRetry { get; } = new() { MaxAttempts = 300, MaxDelay = TimeSpan.FromMilliseconds(250) };

    public TableServiceClient Service => _service ?? throw new InvalidOperationException("The tables are created in InitializeAsync.");

    public string Prefix { get; } = TestAzurite.NewTaskHub();

    public TableClient OrderEvents { get; private set; } = null!;

    public TableClient Outbox { get; private set; } = null!;

    public TableClient OrderViews { get; private set; } = null!;

    public TableClient PickupQueue { get; private set; } = null!;

    public TableClient Idempotency { get; private set; } = null!;

    public TableClient Notifications { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _service = new TableServiceClient(await TestAzurite.ConnectionStringAsync());
        OrderEvents = await CreateAsync("OrderEvents");
        Outbox = await CreateAsync("Outbox");
        OrderViews = await CreateAsync("OrderViews");
        PickupQueue = await CreateAsync("PickupQueue");
        Idempotency = await CreateAsync("Idempotency");
        Notifications = await CreateAsync("Notifications");
    }

    public async Task DisposeAsync()
    {
        foreach (var table in _created)
            await table.DeleteAsync();
    }

    private async Task<TableClient> CreateAsync(string name)
    {
        var table = Service.GetTableClient(Prefix + name);
        await table.CreateAsync();
        _created.Add(table);
        return table;
    }
}
