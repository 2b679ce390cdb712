using DurableTask.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Hosting;
using Microsoft.DurableTask.Worker.Shims;
using Microsoft.Extensions.Options;

namespace AsyncCommerce.LocalHost.EmbeddedEngine;

/// <summary>
/// The <c>Microsoft.DurableTask</c> worker of the embedded engine: the SDK's own shims (the code that turns a
/// <see cref="ITaskOrchestrator"/> or <see cref="ITaskActivity"/> into a Durable Task Core task, the same code its gRPC
/// worker runs) executed by Durable Task Core's <see cref="TaskHubWorker"/> directly on the storage mode's backend.
/// </summary>
/// <remarks>
/// Why not the SDK's gRPC worker and a sidecar: on 2 cores a CPU profile of a burst of checkouts put about half of the
/// host's CPU in that hop (HTTP/2 framing, Protobuf, and lock contention in the gRPC channel and Kestrel), since every
/// episode of a workflow sends its whole history across it. In-process there is nothing to carry. The dispatchers here
/// are the ones Durable Functions runs in Azure over the same Azure Storage backend.
/// </remarks>
internal sealed partial class DirectDurableTaskWorker : DurableTaskWorker
{
    /// <summary>
    /// What the SDK's orchestration context expects: a failed step surfaces as a TaskFailedException with the failure's
    /// type, message and stack, as it does under Durable Functions.
    /// </summary>
    public const ErrorPropagationMode ErrorPropagation = ErrorPropagationMode.UseFailureDetails;

    private readonly EmbeddedBackend _backend;
    private readonly ILoggerFactory _loggerFactory;
    private readonly DurableTaskShimFactory _shims;
    private readonly IServiceProvider _services;
    private readonly ILogger _logger;
    private TaskHubWorker? _worker;

    public DirectDurableTaskWorker(
        string name,
        IDurableTaskFactory factory,
        EmbeddedBackend backend,
        IOptionsMonitor<DurableTaskWorkerOptions> options,
        IServiceProvider services,
        ILoggerFactory loggerFactory)
        : base(name, factory)
    {
        ArgumentNullException.ThrowIfNull(options);
        _backend = backend;
        _services = services;
        _loggerFactory = loggerFactory;
        _shims = new DurableTaskShimFactory(options.Get(name), loggerFactory);
        _logger = loggerFactory.CreateLogger<DirectDurableTaskWorker>();
    }

    // Started before the host serves requests, so that a checkout accepted at once finds the backend created (the task
    // hub's queues and tables in azurite mode) and the dispatchers running.
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await _backend.CreateIfNotExistsAsync();
        _worker = new TaskHubWorker(
            _backend.Service,
            new RegisteredOrchestrations(Factory, _shims, _services),
            new RegisteredActivities(Factory, _shims, _services),
            _loggerFactory)
        {
            ErrorPropagationMode = ErrorPropagation,
        };
        if (_backend.Resumable is { } resumable)
            _worker.AddOrchestrationDispatcherMiddleware(resumable.RunEpisodeAsync);
        await _worker.StartAsync();
        LogStarted(_backend.Description, _backend.Service.MaxConcurrentTaskOrchestrationWorkItems);
        await base.StartAsync(cancellationToken);
    }

    // The dispatchers run on their own; what is left is making the workflows noted during a burst, where there are any.
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_backend.DeferredStarts is not { } starts)
            return;
        try
        {
            await starts.RunAsync(StartFailed, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            if (starts.Pending is > 0 and var left)
                LogStartsLeft(left);
        }
    }

    private bool StartFailed(string instanceId, Exception error)
    {
        LogStartFailed(error, instanceId);
        return true;
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // Forced: in-flight work items are abandoned, not awaited. Every step is idempotent and the backend hands an
        // abandoned item out again (azurite mode), or the process is going away with its memory (memory mode).
        if (_worker is not null)
            await _worker.StopAsync(isForced: true);
        await base.StopAsync(cancellationToken);
    }

    [LoggerMessage(EventId = 5001, EventName = "EmbeddedEngineStarted", Level = LogLevel.Information,
        Message = "Embedded Durable Task engine started ({Backend}, up to {MaxWorkItems} work items of each kind at once)")]
    private partial void LogStarted(string backend, int maxWorkItems);

    [LoggerMessage(EventId = 5002, EventName = "DeferredWorkflowStartFailed", Level = LogLevel.Error,
        Message = "The workflow of order {OrderId}, noted during a burst, could not be started")]
    private partial void LogStartFailed(Exception error, string orderId);

    [LoggerMessage(EventId = 5003, EventName = "DeferredWorkflowStartsLeft", Level = LogLevel.Warning,
        Message = "The host stopped with {Count} accepted orders whose workflows were noted during a burst and not yet started (memory mode keeps nothing across a restart)")]
    private partial void LogStartsLeft(int count);
}
