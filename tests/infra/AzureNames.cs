using System.Text.Json.Nodes;

namespace AsyncCommerce.Infra.Tests;

/// <summary>A Cosmos DB container as the adapters expect it.</summary>
public sealed record ContainerName(string Name, string PartitionKey, int? DefaultTimeToLiveSeconds);

/// <summary>
/// infra/azure-names.json: the one file that names the Service Bus and Cosmos DB entities, embedded by the C#
/// adapters and loaded by the Bicep modules. The tests read it too, so no name is typed twice.
/// </summary>
public sealed class AzureNames
{
    public required string OrderEventsTopic { get; init; }

    public required string EventTypeProperty { get; init; }

    public required IReadOnlyList<string> Subscriptions { get; init; }

    public required int MaxDeliveryCount { get; init; }

    public required string Database { get; init; }

    public required IReadOnlyList<ContainerName> Containers { get; init; }

    /// <summary>The container of the change feed processor's leases (<c>cosmos.containers.leases</c>).</summary>
    public required ContainerName Leases { get; init; }

    public static AzureNames Load(string path)
    {
        var json = JsonNode.Parse(File.ReadAllText(path))!;
        var serviceBus = json["serviceBus"]!;
        var cosmos = json["cosmos"]!;
        return new AzureNames
        {
            OrderEventsTopic = serviceBus["orderEventsTopic"]!.GetValue<string>(),
            EventTypeProperty = serviceBus["eventTypeProperty"]!.GetValue<string>(),
            Subscriptions = [.. serviceBus["subscriptions"]!.AsObject().Select(s => s.Value!.GetValue<string>())],
            MaxDeliveryCount = serviceBus["maxDeliveryCount"]!.GetValue<int>(),
            Database = cosmos["database"]!.GetValue<string>(),
            Containers = [.. cosmos["containers"]!.AsObject().Select(c => Container(c.Value!))],
            Leases = Container(cosmos["containers"]!["leases"]!),
        };
    }

    private static ContainerName Container(JsonNode container) => new(
        container["name"]!.GetValue<string>(),
        container["partitionKey"]!.GetValue<string>(),
        container["defaultTimeToLiveSeconds"]?.GetValue<int>());
}
