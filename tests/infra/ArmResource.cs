using System.Text.Json.Nodes;

namespace AsyncCommerce.Infra.Tests;

/// <summary>One resource of a deployment snapshot: its evaluated id, type, name and properties.</summary>
public sealed class ArmResource(JsonObject node)
{
    public string Id { get; } = node["id"]!.GetValue<string>();

    public string Type { get; } = node["type"]!.GetValue<string>();

    public string Name { get; } = node["name"]!.GetValue<string>();

    /// <summary>The last segment of the name (a child resource's own name: the topic, not namespace/topic).</summary>
    public string ShortName => Name[(Name.LastIndexOf('/') + 1)..];

    public JsonObject Node { get; } = node;

    /// <summary>The value at a dotted path such as <c>properties.siteConfig.alwaysOn</c>; null where there is none.</summary>
    public JsonNode? At(string path) => Json.At(Node, path);

    public string? String(string path) => At(path)?.GetValue<string>();

    public bool? Bool(string path) => At(path)?.GetValue<bool>();

    public int? Int(string path) => At(path)?.GetValue<int>();

    public override string ToString() => $"{Type} {Name}";
}

public static class Json
{
    public static JsonNode? At(JsonNode? node, string path)
    {
        foreach (var segment in path.Split('.'))
            node = node is JsonObject obj && obj.TryGetPropertyValue(segment, out var child) ? child : null;
        return node;
    }
}
