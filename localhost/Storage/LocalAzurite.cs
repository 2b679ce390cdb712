using AsyncCommerce.Adapters.AzureStorage;
using AsyncCommerce.Adapters.AzureStorage.Azurite;
using Microsoft.Extensions.Options;

namespace AsyncCommerce.LocalHost.Storage;

/// <summary>
/// Makes sure Azurite answers before anything uses storage: an Azurite that is already running (started by the
/// user or a test) is used and left alone; otherwise, for local endpoints, the pinned Azurite is started as a
/// separate process with its data in <c>.azurite/</c> at the repository root, and stopped with this host.
/// Registered before every other hosted service of the azurite mode, so it starts first and stops last.
/// </summary>
internal sealed partial class LocalAzurite(
    IOptions<AzureStorageOptions> options,
    IHostEnvironment environment,
    ILogger<LocalAzurite> logger) : IHostedService, IAsyncDisposable
{
    public const string DataFolderName = ".azurite";

    private AzuriteEmulator? _started;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var endpoints = StorageEndpoints.Parse(options.Value.ConnectionString)
            ?? throw new LocalHostConfigurationException($"{AzureStorageOptions.Section}:ConnectionString is not a storage connection string.");
        if (await AzuriteEmulator.AnswersAsync(endpoints, cancellationToken))
        {
            LogUsingRunning(endpoints.Table.Authority);
            return;
        }

        if (!endpoints.AreLocal)
            throw new AzuriteUnavailableException($"Azure Storage at {endpoints.Table.Host} does not answer; check {AzureStorageOptions.Section}:ConnectionString.");

        var toolsRoot = AzuriteEmulator.FindToolsRoot(environment.ContentRootPath, Directory.GetCurrentDirectory(), AppContext.BaseDirectory)
            ?? throw new AzuriteUnavailableException(
                $"Nothing answers on {endpoints.Table.Authority} and no package.json pinning Azurite was found above {environment.ContentRootPath}: start Azurite yourself, or run from the repository.");
        var dataFolder = Path.Combine(toolsRoot, DataFolderName);
        LogStarting(endpoints.Table.Authority, dataFolder);
        _started = await AzuriteEmulator.StartAsync(endpoints, dataFolder, toolsRoot, cancellationToken: cancellationToken);
        LogStarted(_started.ProcessId);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_started is null)
            return;
        await _started.DisposeAsync();
        LogStopped(_started.ProcessId);
        _started = null;
    }

    // A host disposed without being stopped (a test, a benchmark) still stops the Azurite it started.
    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None);

    [LoggerMessage(EventId = 5401, EventName = "AzuriteAlreadyRunning", Level = LogLevel.Information,
        Message = "Azurite answers on {Endpoint}: using it (this host will not stop it)")]
    private partial void LogUsingRunning(string endpoint);

    [LoggerMessage(EventId = 5402, EventName = "AzuriteStarting", Level = LogLevel.Information,
        Message = "Nothing answers on {Endpoint}: starting the pinned Azurite with its data in {DataFolder}")]
    private partial void LogStarting(string endpoint, string dataFolder);

    [LoggerMessage(EventId = 5403, EventName = "AzuriteStarted", Level = LogLevel.Information,
        Message = "Azurite started (process {ProcessId}); it stops with this host, and its data stays for the next run")]
    private partial void LogStarted(int processId);

    [LoggerMessage(EventId = 5404, EventName = "AzuriteStopped", Level = LogLevel.Information, Message = "Azurite (process {ProcessId}) stopped")]
    private partial void LogStopped(int processId);
}
