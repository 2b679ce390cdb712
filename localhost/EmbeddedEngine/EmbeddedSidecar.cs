using DurableTask.Core;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Microsoft.Extensions.Options;

namespace AsyncCommerce.LocalHost.EmbeddedEngine;

/// <summary>
/// Runs the Durable Task sidecar (the gRPC protocol Durable Functions speaks to its workers) inside this
/// process over the storage mode's backend (in memory, or Azure Storage on Azurite). It is its own small web
/// host on a Unix domain socket because the sidecar's dispatchers follow that host's lifetime, and because the
/// public HTTP port must not serve gRPC. Registered before the Durable Task worker so that it starts first and stops last.
/// </summary>
internal sealed partial class EmbeddedSidecar(
    EmbeddedSidecarEndpoint endpoint,
    EmbeddedBackend backend,
    IOptions<EmbeddedEngineOptions> options,
    ILoggerFactory loggerFactory) : IHostedService, IAsyncDisposable
{
    private readonly ILogger _logger = loggerFactory.CreateLogger<EmbeddedSidecar>();
    private WebApplication? _sidecar;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        endpoint.DeleteStaleSocket();
        await backend.CreateIfNotExistsAsync();

        // Built with no flowed execution context: WebApplicationFactory intercepts any host built on its flow
        // (HostFactoryResolver matches hosts by an AsyncLocal), and under load it would mistake this nested host
        // for the app under test, put it on a TestServer and never bind the socket.
        Task<WebApplication> building;
        using (ExecutionContext.SuppressFlow())
            building = Task.Run(Build, cancellationToken);
        var app = await building;
        await app.StartAsync(cancellationToken);
        _sidecar = app;
        LogStarted(endpoint.SocketPath, backend.Description, options.Value.MaxConcurrentWorkItems);
    }

    private WebApplication Build()
    {
        var builder = WebApplication.CreateSlimBuilder(ConfigurationFiles.ReadOnce([]));
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggerFactory);

        // The outer host owns Ctrl+C and the process lifetime; the sidecar stops when the outer host stops it.
        builder.Services.AddSingleton<IHostLifetime, OuterHostLifetime>();

        // Set as the sidecar's URL (not a Listen call) so that it replaces, rather than competes with, any
        // ASPNETCORE_URLS or --urls meant for the public host.
        builder.WebHost.UseUrls($"http://unix:{endpoint.SocketPath}");
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.ConfigureEndpointDefaults(listen => listen.Protocols = HttpProtocols.Http2);

            // Every work item the worker completes is a call on the same connection; Kestrel's default of
            // 100 concurrent streams would queue them below the engine's own concurrency.
            kestrel.Limits.Http2.MaxStreamsPerConnection = options.Value.WorkerConcurrency * 4;
        });

        builder.Services.AddGrpc();
        builder.Services.AddSingleton(backend.Service);
        builder.Services.AddSingleton(backend.Client);
        builder.Services.AddSingleton<TaskHubGrpcServer>();

        var app = builder.Build();
        app.MapGrpcService<TaskHubGrpcServer>();
        return app;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_sidecar is null)
            return;
        await _sidecar.StopAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_sidecar is not null)
            await _sidecar.DisposeAsync();
        endpoint.DeleteStaleSocket();
    }

    [LoggerMessage(EventId = 5001, EventName = "EmbeddedEngineStarted", Level = LogLevel.Information,
        Message = "Embedded Durable Task engine listening on {SocketPath} ({Backend}, {MaxWorkItems} concurrent work items)")]
    private partial void LogStarted(string socketPath, string backend, int maxWorkItems);
}
