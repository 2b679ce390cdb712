using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AsyncCommerce.Adapters.AzureStorage;

/// <summary>
/// Creates the task hub's tables before the host serves. Safe on every host at once: creating a table that exists,
/// and adding seed rows that exist, change nothing, so a restart never resets live stock.
/// </summary>
internal sealed partial class AzureStorageInitializer(
    AzureStorageTables tables,
    IOptions<AzureStorageOptions> options,
    ILogger<AzureStorageInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await tables.CreateIfNotExistAsync(cancellationToken);
        LogReady(options.Value.TaskHub, tables.All.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 5201, EventName = "AzureStorageTablesReady", Level = LogLevel.Information,
        Message = "Azure Tables of task hub {TaskHub} ready ({Tables} tables)")]
    private partial void LogReady(string taskHub, int tables);
}
