using System.Reflection;
using System.Text.Json;

namespace AsyncCommerce.LocalHost.EmbeddedEngine;

/// <summary>
/// The task hub settings of the Functions app's <c>host.json</c> (<c>extensions.durableTask.storageProvider</c>),
/// embedded in this assembly, so that the local host runs the Azure Storage backend exactly as the cloud does:
/// one fact, one place.
/// </summary>
internal sealed record DurableHubSettings(int PartitionCount, TimeSpan MaxQueuePollingInterval)
{
    private const string ResourceName = "functions-host.json";

    public static DurableHubSettings FromFunctionsHostJson()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded {ResourceName} is missing from the local host's assembly.");
        using var document = JsonDocument.Parse(stream);
        var provider = document.RootElement.GetProperty("extensions").GetProperty("durableTask").GetProperty("storageProvider");
        return new DurableHubSettings(
            provider.GetProperty("partitionCount").GetInt32(),
            TimeSpan.Parse(provider.GetProperty("maxQueuePollingInterval").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
    }
}
