using System.ComponentModel.DataAnnotations;
using AsyncCommerce.Notifications;
using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Options;

namespace AsyncCommerce.Adapters.ServiceBus;

/// <summary>
/// Bound to the <c>ServiceBus</c> section (environment: <c>ServiceBus__fullyQualifiedNamespace</c>, ...).
/// Identity-based by default: the namespace's host name and a managed identity, no secret. A connection
/// string is for the local emulator only.
/// </summary>
public sealed class ServiceBusOptions : IValidatableObject
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
    [SettingRange(1, 256, ErrorMessage = $"{Section}:{nameof(MaxConcurrentCalls)} must be between 1 and 256.")]
    public int MaxConcurrentCalls { get; set; } = 8;

    /// <summary>
    /// With sessions: how long an order's session stays with this consumer after its last message. Short, so that
    /// an order with nothing more to say frees its slot for the next (the SDK's default is the retry TryTimeout, 60 s).
    /// </summary>
    [SettingRange(typeof(TimeSpan), DurationBounds.Tick, DurationBounds.Max, ErrorMessage = $"{Section}:{nameof(SessionIdleTimeout)} must be more than zero.")]
    public TimeSpan SessionIdleTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long the processor keeps renewing a message's (or session's) lock while the handler runs.</summary>
    [SettingRange(typeof(TimeSpan), DurationBounds.Zero, DurationBounds.Max, ErrorMessage = $"{Section}:{nameof(MaxAutoLockRenewalDuration)} must not be negative.")]
    public TimeSpan MaxAutoLockRenewalDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The wait before a failed message is abandoned on its first delivery, doubling with each delivery up to
    /// <see cref="MaxRedeliveryDelay"/>. Abandon makes the broker redeliver at once, so without a wait a short
    /// provider outage would use up every delivery within a second and dead-letter the message.
    /// </summary>
    [SettingRange(typeof(TimeSpan), DurationBounds.Zero, DurationBounds.Max, ErrorMessage = $"{Section}:{nameof(RedeliveryDelay)} must not be negative.")]
    public TimeSpan RedeliveryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait before abandoning; keep it well below <see cref="MaxAutoLockRenewalDuration"/>.</summary>
    public TimeSpan MaxRedeliveryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The wait before abandoning a failed message, per delivery: <see cref="RedeliveryDelay"/> doubling up to <see cref="MaxRedeliveryDelay"/>.</summary>
    public RedeliveryBackoff ToRedeliveryBackoff() => new(RedeliveryDelay, MaxRedeliveryDelay);

    /// <summary>How the client retries transient failures (throttling, timeouts, lost connections) of every send and settle.</summary>
    [Required(ErrorMessage = $"{Section}:{nameof(Retry)} must not be null.")]
    [ValidateObjectMembers]
    public ServiceBusRetrySettings Retry { get; set; } = new();

    // Rules across settings; each setting's own range is on the setting.
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var hasNamespace = !string.IsNullOrWhiteSpace(FullyQualifiedNamespace);
        var hasConnectionString = !string.IsNullOrWhiteSpace(ConnectionString);
        if (!hasNamespace && !hasConnectionString)
        {
            // Named as the app setting too: the Functions app reports this very sentence at start (FunctionAppSettings).
            yield return new(
                $"ServiceBus__fullyQualifiedNamespace is not set ({Section}:{nameof(FullyQualifiedNamespace)}): set it to the namespace host name, " +
                $"e.g. 'commerce-abc123.servicebus.windows.net', or set ServiceBus__connectionString ({Section}:{nameof(ConnectionString)}) to use the Service Bus emulator.");
        }

        if (hasNamespace && hasConnectionString)
            yield return new($"Set either {Section}:{nameof(FullyQualifiedNamespace)} (identity-based) or {Section}:{nameof(ConnectionString)} (emulator), not both.");
        if (hasNamespace && Uri.CheckHostName(FullyQualifiedNamespace) != UriHostNameType.Dns)
            yield return new($"{Section}:{nameof(FullyQualifiedNamespace)} must be a host name such as 'commerce-abc123.servicebus.windows.net', without a scheme, path or key.");
        if (MaxRedeliveryDelay < RedeliveryDelay)
            yield return new($"{Section}:{nameof(MaxRedeliveryDelay)} must not be less than {nameof(RedeliveryDelay)}.");
        if (MaxRedeliveryDelay >= MaxAutoLockRenewalDuration && MaxRedeliveryDelay > TimeSpan.Zero)
            yield return new($"{Section}:{nameof(MaxRedeliveryDelay)} must be less than {nameof(MaxAutoLockRenewalDuration)}, or the message's lock expires while it waits.");
    }
}

/// <summary>The SDK's <see cref="ServiceBusRetryOptions"/>, bound from configuration and validated with clear messages.</summary>
public sealed class ServiceBusRetrySettings : IValidatableObject
{
    private const string RetrySection = $"{ServiceBusOptions.Section}:{nameof(ServiceBusOptions.Retry)}";

    public ServiceBusRetryMode Mode { get; set; } = ServiceBusRetryMode.Exponential;

    /// <summary>Retries after the first try; a send that still fails surfaces to the caller (the activity, which Durable Task retries).</summary>
    [SettingRange(0, 100, ErrorMessage = $"{RetrySection}:{nameof(MaxRetries)} must be between 0 and 100.")]
    public int MaxRetries { get; set; } = 3;

    [SettingRange(typeof(TimeSpan), "00:00:00.001", "00:05:00", ErrorMessage = $"{RetrySection}:{nameof(Delay)} must be between 1 ms and 5 minutes.")]
    public TimeSpan Delay { get; set; } = TimeSpan.FromSeconds(0.8);

    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The limit of one try, waiting for the broker's answer included.</summary>
    [SettingRange(typeof(TimeSpan), DurationBounds.Tick, "01:00:00", ErrorMessage = $"{RetrySection}:{nameof(TryTimeout)} must be more than zero and at most 1 hour.")]
    public TimeSpan TryTimeout { get; set; } = TimeSpan.FromSeconds(60);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enum.IsDefined(Mode))
            yield return new($"{RetrySection}:{nameof(Mode)} must be Exponential or Fixed.");
        if (MaxDelay < Delay)
            yield return new($"{RetrySection}:{nameof(MaxDelay)} must not be less than {nameof(Delay)}.");
    }

    public ServiceBusRetryOptions ToRetryOptions() => new()
    {
        Mode = Mode,
        MaxRetries = MaxRetries,
        Delay = Delay,
        MaxDelay = MaxDelay,
        TryTimeout = TryTimeout,
    };
}
