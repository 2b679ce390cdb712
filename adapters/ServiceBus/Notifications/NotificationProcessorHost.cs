using AsyncCommerce.Adapters.ServiceBus.Settlement;
using AsyncCommerce.Notifications;
using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AsyncCommerce.Adapters.ServiceBus.Notifications;

/// <summary>
/// Runs one processor per notification subscription (email, sms), each handing its messages to the
/// <see cref="NotificationMessageHandler"/> for its channel and leaving settlement to it (auto-complete off).
/// It stands in for <c>[ServiceBusTrigger]</c> functions, whose worker extension this feed lacks, and so needs an
/// always-running instance: Elastic Premium with an always-ready instance, or a Dedicated plan.
/// </summary>
public sealed partial class NotificationProcessorHost(
    ServiceBusClient client,
    NotificationMessageHandler handler,
    ServiceBusNames names,
    IOptions<ServiceBusOptions> options,
    ILogger<NotificationProcessorHost> logger) : IHostedService, IAsyncDisposable
{
    private readonly List<RunningProcessor> _processors = [];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var channel in Enum.GetValues<NotificationChannel>())
        {
            var subscription = names.SubscriptionFor(channel);
            var processor = options.Value.SessionsEnabled ? CreateSessionProcessor(channel, subscription) : CreateProcessor(channel, subscription);
            _processors.Add(processor);
            await processor.StartAsync(cancellationToken);
            LogStarted(channel, names.OrderEventsTopic, subscription, options.Value.SessionsEnabled, options.Value.MaxConcurrentCalls);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // Stopping lets the handlers in flight finish and settle; what is not settled is redelivered elsewhere.
        await Task.WhenAll(_processors.Select(processor => processor.StopAsync(cancellationToken)));
        foreach (var processor in _processors)
            LogStopped(processor.Channel, processor.Subscription);
        await DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var processor in _processors)
            await processor.DisposeAsync();
        _processors.Clear();
    }

    private RunningProcessor CreateProcessor(NotificationChannel channel, string subscription)
    {
        var settings = options.Value;
        var processor = client.CreateProcessor(names.OrderEventsTopic, subscription, new ServiceBusProcessorOptions
        {
            AutoCompleteMessages = false,
            ReceiveMode = ServiceBusReceiveMode.PeekLock,
            MaxConcurrentCalls = settings.MaxConcurrentCalls,
            MaxAutoLockRenewalDuration = settings.MaxAutoLockRenewalDuration,
        });
        processor.ProcessMessageAsync += args => HandleAsync(args.Message, channel, new ProcessMessageSettlement(args), args.CancellationToken);
        processor.ProcessErrorAsync += args => OnErrorAsync(channel, args);
        return new RunningProcessor(channel, subscription, processor.StartProcessingAsync, processor.StopProcessingAsync, processor.DisposeAsync);
    }

    // One message per session at a time: an order's notifications go out in the order its events were published.
    private RunningProcessor CreateSessionProcessor(NotificationChannel channel, string subscription)
    {
        var settings = options.Value;
        var processor = client.CreateSessionProcessor(names.OrderEventsTopic, subscription, new ServiceBusSessionProcessorOptions
        {
            AutoCompleteMessages = false,
            ReceiveMode = ServiceBusReceiveMode.PeekLock,
            MaxConcurrentSessions = settings.MaxConcurrentCalls,
            MaxConcurrentCallsPerSession = 1,
            SessionIdleTimeout = settings.SessionIdleTimeout,
            MaxAutoLockRenewalDuration = settings.MaxAutoLockRenewalDuration,
        });
        processor.ProcessMessageAsync += args => HandleAsync(args.Message, channel, new ProcessSessionMessageSettlement(args), args.CancellationToken);
        processor.ProcessErrorAsync += args => OnErrorAsync(channel, args);
        return new RunningProcessor(channel, subscription, processor.StartProcessingAsync, processor.StopProcessingAsync, processor.DisposeAsync);
    }

    private async Task HandleAsync(ServiceBusReceivedMessage message, NotificationChannel channel, IMessageSettlement settlement, CancellationToken cancellationToken)
    {
        try
        {
            await handler.HandleAsync(message, channel, settlement, cancellationToken);
        }
        catch (Exception failure)
        {
            // Only settling can fail here (the handler decides every other failure); the lock then expires and the
            // broker redelivers the message, which the notification log keeps from being sent twice.
            LogSettlementFailed(message.SessionId ?? "(unknown)", message.MessageId, channel, failure);
            throw;
        }
    }

    private Task OnErrorAsync(NotificationChannel channel, ProcessErrorEventArgs args)
    {
        // Failures of the message callback were logged with their order id above.
        if (args.ErrorSource != ServiceBusErrorSource.ProcessMessageCallback)
            LogProcessorError(channel, args.ErrorSource, args.EntityPath, args.Exception);
        return Task.CompletedTask;
    }

    [LoggerMessage(EventId = 4121, EventName = "NotificationProcessorStarted", Level = LogLevel.Information, Message = "Notification processor for {Channel} started on {Topic}/{Subscription} (sessions: {SessionsEnabled}, concurrency: {MaxConcurrentCalls})")]
    private partial void LogStarted(NotificationChannel channel, string topic, string subscription, bool sessionsEnabled, int maxConcurrentCalls);

    [LoggerMessage(EventId = 4122, EventName = "NotificationProcessorStopped", Level = LogLevel.Information, Message = "Notification processor for {Channel} on {Subscription} stopped")]
    private partial void LogStopped(NotificationChannel channel, string subscription);

    [LoggerMessage(EventId = 4123, EventName = "NotificationProcessorError", Level = LogLevel.Error, Message = "Notification processor for {Channel}: {ErrorSource} failed on {EntityPath}")]
    private partial void LogProcessorError(NotificationChannel channel, ServiceBusErrorSource errorSource, string entityPath, Exception failure);

    [LoggerMessage(EventId = 4124, EventName = "NotificationSettlementFailed", Level = LogLevel.Warning, Message = "Order {OrderId}: message {MessageId} for {Channel} could not be settled; the broker redelivers it when its lock expires")]
    private partial void LogSettlementFailed(string orderId, string messageId, NotificationChannel channel, Exception failure);

    private sealed record RunningProcessor(
        NotificationChannel Channel,
        string Subscription,
        Func<CancellationToken, Task> StartAsync,
        Func<CancellationToken, Task> StopAsync,
        Func<ValueTask> DisposeAsync);
}
