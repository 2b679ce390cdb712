using Microsoft.Extensions.Options;

namespace AsyncCommerce.Adapters.ServiceBus;

internal sealed class ServiceBusOptionsValidation : IValidateOptions<ServiceBusOptions>
{
    private const string Section = ServiceBusOptions.Section;

    public ValidateOptionsResult Validate(string? name, ServiceBusOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = Connection(options).Concat(Processing(options)).Concat(Retry(options.Retry)).ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static IEnumerable<string> Connection(ServiceBusOptions options)
    {
        var hasNamespace = !string.IsNullOrWhiteSpace(options.FullyQualifiedNamespace);
        var hasConnectionString = !string.IsNullOrWhiteSpace(options.ConnectionString);
        if (!hasNamespace && !hasConnectionString)
        {
            yield return $"{Section}:{nameof(options.FullyQualifiedNamespace)} is not set (environment variable ServiceBus__fullyQualifiedNamespace): " +
                "set it to the namespace host name, e.g. 'commerce-abc123.servicebus.windows.net', or set " +
                $"{Section}:{nameof(options.ConnectionString)} to use the Service Bus emulator.";
            yield break;
        }

        if (hasNamespace && hasConnectionString)
            yield return $"Set either {Section}:{nameof(options.FullyQualifiedNamespace)} (identity-based) or {Section}:{nameof(options.ConnectionString)} (emulator), not both.";
        if (hasNamespace && Uri.CheckHostName(options.FullyQualifiedNamespace) != UriHostNameType.Dns)
            yield return $"{Section}:{nameof(options.FullyQualifiedNamespace)} must be a host name such as 'commerce-abc123.servicebus.windows.net', without a scheme, path or key.";
    }

    private static IEnumerable<string> Processing(ServiceBusOptions options)
    {
        if (options.MaxConcurrentCalls is < 1 or > 256)
            yield return $"{Section}:{nameof(options.MaxConcurrentCalls)} must be between 1 and 256.";
        if (options.SessionIdleTimeout <= TimeSpan.Zero)
            yield return $"{Section}:{nameof(options.SessionIdleTimeout)} must be more than zero.";
        if (options.MaxAutoLockRenewalDuration < TimeSpan.Zero)
            yield return $"{Section}:{nameof(options.MaxAutoLockRenewalDuration)} must not be negative.";
        if (options.RedeliveryDelay < TimeSpan.Zero)
            yield return $"{Section}:{nameof(options.RedeliveryDelay)} must not be negative.";
        if (options.MaxRedeliveryDelay < options.RedeliveryDelay)
            yield return $"{Section}:{nameof(options.MaxRedeliveryDelay)} must not be less than {nameof(options.RedeliveryDelay)}.";
        if (options.MaxRedeliveryDelay >= options.MaxAutoLockRenewalDuration && options.MaxRedeliveryDelay > TimeSpan.Zero)
            yield return $"{Section}:{nameof(options.MaxRedeliveryDelay)} must be less than {nameof(options.MaxAutoLockRenewalDuration)}, or the message's lock expires while it waits.";
    }

    private static IEnumerable<string> Retry(ServiceBusRetrySettings? retry)
    {
        const string section = $"{Section}:{nameof(ServiceBusOptions.Retry)}";
        if (retry is null)
        {
            yield return $"{section} must not be null.";
            yield break;
        }

        if (!Enum.IsDefined(retry.Mode))
            yield return $"{section}:{nameof(retry.Mode)} must be Exponential or Fixed.";
        if (retry.MaxRetries is < 0 or > 100)
            yield return $"{section}:{nameof(retry.MaxRetries)} must be between 0 and 100.";
        if (retry.Delay < TimeSpan.FromMilliseconds(1) || retry.Delay > TimeSpan.FromMinutes(5))
            yield return $"{section}:{nameof(retry.Delay)} must be between 1 ms and 5 minutes.";
        if (retry.MaxDelay < retry.Delay)
            yield return $"{section}:{nameof(retry.MaxDelay)} must not be less than {nameof(retry.Delay)}.";
        if (retry.TryTimeout <= TimeSpan.Zero || retry.TryTimeout > TimeSpan.FromHours(1))
            yield return $"{section}:{nameof(retry.TryTimeout)} must be more than zero and at most 1 hour.";
    }
}
