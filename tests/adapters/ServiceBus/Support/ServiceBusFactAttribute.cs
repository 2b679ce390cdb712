namespace AsyncCommerce.Adapters.ServiceBus.Tests.Support;

/// <summary>
/// A fact that runs against a real namespace or the emulator when <c>SERVICEBUS_CONNECTION</c> holds its connection
/// string, and is reported as skipped, with the reason, otherwise (xunit 2 cannot skip from inside a test).
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class ServiceBusFactAttribute : FactAttribute
{
    public const string Variable = "SERVICEBUS_CONNECTION";

    public ServiceBusFactAttribute()
    {
        if (ConnectionString is null)
        {
            Skip = $"Set {Variable} to the connection string of a Service Bus namespace or emulator (with the topic and " +
                "session-enabled notification subscriptions of infra/azure-names.json) to run";
        }
    }

    public static string? ConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value && !string.IsNullOrWhiteSpace(value) ? value : null;
}
