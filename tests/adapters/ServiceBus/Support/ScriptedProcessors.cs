using Azure.Messaging.ServiceBus;
using Moq;

namespace AsyncCommerce.Adapters.ServiceBus.Tests.Support;

/// <summary>
/// A mocked <see cref="ServiceBusClient"/> whose processors connect to nothing: starting one only marks it started,
/// and a test hands it messages through the SDK's own test hook (<c>OnProcess...MessageAsync</c>), which runs the
/// handlers the host attached.
/// </summary>
public sealed class ScriptedProcessors : IAsyncDisposable
{
    // Used only to build processors; a client opens no connection until something is sent or received.
    private readonly ServiceBusClient _offline = new("Endpoint=sb://offline.servicebus.windows.net/;SharedAccessKeyName=test;SharedAccessKey=dGVzdA==");

    public ScriptedProcessors()
    {
        Client.Setup(c => c.CreateProcessor(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<ServiceBusProcessorOptions>()))
            .Returns((string topic, string subscription, ServiceBusProcessorOptions options) => Add(Processors, subscription, new Processor(_offline, topic, subscription, options), options));
        Client.Setup(c => c.CreateSessionProcessor(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<ServiceBusSessionProcessorOptions>()))
            .Returns((string topic, string subscription, ServiceBusSessionProcessorOptions options) => Add(SessionProcessors, subscription, new SessionProcessor(_offline, topic, subscription, options), options));
    }

    public Mock<ServiceBusClient> Client { get; } = new();

    /// <summary>The processors the host created, by subscription name, with the options it gave them.</summary>
    public Dictionary<string, (Processor Processor, ServiceBusProcessorOptions Options)> Processors { get; } = [];

    public Dictionary<string, (SessionProcessor Processor, ServiceBusSessionProcessorOptions Options)> SessionProcessors { get; } = [];

    public ValueTask DisposeAsync() => _offline.DisposeAsync();

    private static TProcessor Add<TProcessor, TOptions>(Dictionary<string, (TProcessor, TOptions)> created, string subscription, TProcessor processor, TOptions options)
        where TProcessor : notnull
        where TOptions : notnull
    {
        created.Add(subscription, (processor, options));
        return processor;
    }

    public sealed class Processor(ServiceBusClient client, string topic, string subscription, ServiceBusProcessorOptions options)
        : ServiceBusProcessor(client, topic, subscription, options)
    {
        public bool Started { get; private set; }

        public bool Stopped { get; private set; }

        public override Task StartProcessingAsync(CancellationToken cancellationToken = default)
        {
            Started = true;
            return Task.CompletedTask;
        }

        public override Task StopProcessingAsync(CancellationToken cancellationToken = default)
        {
            Stopped = true;
            return Task.CompletedTask;
        }

        public Task DeliverAsync(ProcessMessageEventArgs args) => OnProcessMessageAsync(args);
    }

    public sealed class SessionProcessor(ServiceBusClient client, string topic, string subscription, ServiceBusSessionProcessorOptions options)
        : ServiceBusSessionProcessor(client, topic, subscription, options)
    {
        public bool Started { get; private set; }

        public bool Stopped { get; private set; }

        public override Task StartProcessingAsync(CancellationToken cancellationToken = default)
        {
            Started = true;
            return Task.CompletedTask;
        }

        public override Task StopProcessingAsync(CancellationToken cancellationToken = default)
        {
            Stopped = true;
            return Task.CompletedTask;
        }

        public Task DeliverAsync(ProcessSessionMessageEventArgs args) => OnProcessSessionMessageAsync(args);
    }
}
