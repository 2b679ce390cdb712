using System.Text.Json;
using AsyncCommerce.Notifications;

namespace AsyncCommerce.Adapters.ServiceBus;

/// <summary>
/// The Service Bus entity names that <c>infra/</c> deploys, read from the <c>serviceBus</c> section of
/// <c>infra/azure-names.json</c> (embedded in this assembly), so code and Bicep cannot drift apart.
/// </summary>
public sealed class ServiceBusNames
{
    private const string ResourceName = "azure-names.json";
    private const string Section = "serviceBus";

    /// <summary>The topic every order event is published to.</summary>
    public required string OrderEventsTopic { get; init; }

    /// <summary>The application property that carries the event type, for subscription SQL filters.</summary>
    public required string EventTypeProperty { get; init; }

    /// <summary>The notification subscription of each channel.</summary>
    public required IReadOnlyDictionary<NotificationChannel, string> Subscriptions { get; init; }

    /// <summary>Deliveries of one message (the first included) before it is dead-lettered; the subscriptions' setting.</summary>
    public required int MaxDeliveryCount { get; init; }

    /// <summary>The names this assembly was built with.</summary>
    public static ServiceBusNames Load()
    {
        using var stream = typeof(ServiceBusNames).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource '{ResourceName}' is missing from {typeof(ServiceBusNames).Assembly.GetName().Name}.");
        return Parse(stream);
    }

    /// <summary>Reads the <c>serviceBus</c> section of an azure-names document and checks that every name is there.</summary>
    public static ServiceBusNames Parse(Stream document)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var json = JsonDocument.Parse(document);
        if (!json.RootElement.TryGetProperty(Section, out var section))
            throw new InvalidOperationException($"{ResourceName} has no '{Section}' section.");

        ServiceBusNames names;
        try
        {
            names = section.Deserialize<ServiceBusNames>(CommerceJsonDefaults.Options)
                ?? throw new InvalidOperationException($"{ResourceName}: '{Section}' is null.");
        }
        catch (JsonException invalid)
        {
            throw new InvalidOperationException($"{ResourceName}: '{Section}' is not valid: {invalid.Message}", invalid);
        }

        var failures = names.Failures().ToList();
        return failures.Count == 0
            ? names
            : throw new InvalidOperationException($"{ResourceName}: {string.Join(" ", failures)}");
    }

    /// <summary>The subscription whose consumer owns <paramref name="channel"/>.</summary>
    public string SubscriptionFor(NotificationChannel channel) =>
        Subscriptions.TryGetValue(channel, out var subscription)
            ? subscription
            : throw new ArgumentOutOfRangeException(nameof(channel), channel, "No subscription is named for this channel.");

    private IEnumerable<string> Failures()
    {
        if (string.IsNullOrWhiteSpace(OrderEventsTopic))
            yield return $"{Section}.orderEventsTopic is empty.";
        if (string.IsNullOrWhiteSpace(EventTypeProperty))
            yield return $"{Section}.eventTypeProperty is empty.";
        if (MaxDeliveryCount < 1)
            yield return $"{Section}.maxDeliveryCount must be at least 1.";
        foreach (var channel in Enum.GetValues<NotificationChannel>())
        {
            if (!Subscriptions.TryGetValue(channel, out var subscription) || string.IsNullOrWhiteSpace(subscription))
                yield return $"{Section}.subscriptions has no name for the {channel} channel.";
        }
    }
}
