using AsyncCommerce.Testing;
using Azure.Data.Tables;

namespace AsyncCommerce.Adapters.AzureStorage.Tests.Support;

/// <summary>
/// A table of its own on the test Azurite (<see cref="TestAzurite"/>) for one test class, deleted at the end. The
/// behavioural suites use fresh ids in every test, so their tests share it. Conflict retries: <see cref="AzuriteTables.ConflictRetry"/>.
/// </summary>
public sealed class AzuriteTable : IAsyncLifetime
{
    private TableClient? _table;

    public TableClient Table => _table ?? throw new InvalidOperationException("The table is created in InitializeAsync.");

    /// <summary>Creates a table with a name no other test uses (letters and digits, starting with a letter).</summary>
    public static async Task<TableClient> CreateAsync()
    {
        var service = new TableServiceClient(await TestAzurite.ConnectionStringAsync());
        var table = service.GetTableClient(TestAzurite.NewTaskHub("test"));
        await table.CreateAsync();
        return table;
    }

    public async Task InitializeAsync() => _table = await CreateAsync();

    public async Task DisposeAsync()
    {
        if (_table is not null)
            await _table.DeleteAsync();
    }
}
