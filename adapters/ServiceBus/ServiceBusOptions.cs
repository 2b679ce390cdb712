using Azure.Messaging.ServiceBus;

namespace AsyncCommerce.Adapters.ServiceBus;

/// <summary>
/// Bound to the <c>ServiceBus</c> section (environment: <c>ServiceBus__fullyQualifiedNamespace</c>, ...).
/// Identity-based by default: the namespace's host name and a managed identity, no secret. A connection
/// string is for the local emulator only.
/// </summary>
public sealed class ServiceBusOptions
{
    public const string Section = "ServiceBus";

    /// <summary>The namespace host name, e.g. <c>commerce-abc123.servicebus.windows.net</c>; authenticated with <c>DefaultAzureCredential</c>.</summary>
    public string? FullyQualifiedNamespace { get; set; }

    /// <summary>The client id of a user-assigned managed identity; empty for the system-assigned one (or a developer's login).</summary>
    public string? ClientId { get; set; }

    /// <summary>For the Service Bus emulator only (<c>...;UseDevelopmentEmulator=true</c>); deployed apps use <see cref="FullyQualifiedNamespace"/>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// Whether the notification subscriptions require sessions (one session per order). With sessions an order's
    /// notifications are handled one at a time, in the order its events were published; without, they may overtake
    /// each other. Must match the subscriptions' <c>requiresSession</c>.
    /// </summary>
    public bool SessionsEnabled { get; set; } = true;

    /// <summary>Messages handled at once per subscription; with sessions, orders handled at once (one message per order at a time).</summary>
    public int MaxConcurrentCalls { get; set; } = 8;

    /// <summary>
    /// With sessions: how long an order's session stays with this consumer after its last message. Short, so that
    /// an order with nothing more to say frees its slot for the next (the SDK's default is the retry TryTimeout, 60 s).
    /// </summary>
    public TimeSpan SessionIdleTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long the processor keeps renewing a message's (or session's) lock while the handler runs.</summary>
    public TimeSpan MaxAutoLockRenewalDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The wait before a failed message is abandoned on its first delivery, doubling with each delivery up to
    /// <see cref="MaxRedeliveryDelay"/>. Abandon makes the broker redeliver at once, so without a wait a short
    /// provider outage would use up every delivery within a second and dead-letter the message.
    /// </summary>
    public TimeSpan RedeliveryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait before abandoning; keep it well below <see cref="MaxAutoLockRenewalDuration"/>.</summary>
    public TimeSpan MaxRedeliveryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How the client retries transient failures (throttling, timeouts, lost connections) of every send and settle.</summary>
    public ServiceBusRetrySettings Retry { get; set; } = new();
}

/// <summary>The SDK's <see cref="ServiceBusRetryOptions"/>, bound from configuration and validated with clear messages.</summary>
public sealed class ServiceBusRetrySettings
{
    public ServiceBusRetryMode Mode { get; set; } = ServiceBusRetryMode.Exponential;

    /// <summary>Retries after the first try; a send that still fails surfaces to the caller (the activity, which Durable Task retries).</summary>
    public int MaxRetries { get; set; } = 3;

    public TimeSpan Delay { get; set; } = TimeSpan.FromSeconds(0.8);

    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The limit of one try, waiting for the broker's answer included.</summary>
    public TimeSpan TryTimeout { get; set; } = TimeSpan.FromSeconds(60);

    public ServiceBusRetryOptions ToRetryOptions() => new()
    {
        Mode = Mode,
        MaxRetries = MaxRetries,
        Delay = Delay,
        MaxDelay = MaxDelay,
        TryTimeout = TryTimeout,
    };
}
