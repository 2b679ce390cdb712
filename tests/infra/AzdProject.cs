using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace AsyncCommerce.Infra.Tests;

/// <summary>
/// The azd project file at the repository root, read as JSON nodes (scalars stay strings, as YAML wrote them) so the
/// tests can hold it to azd's JSON schema the same way they read compiled templates.
/// </summary>
public static class AzdProject
{
    public static string RepositoryRoot { get; } = Path.GetDirectoryName(BicepCli.InfraDirectory.TrimEnd(Path.DirectorySeparatorChar))!;

    public static string File { get; } = Path.Combine(RepositoryRoot, "azure.yaml");

    public static JsonObject Load()
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(File))
            stream.Load(reader);
        Assert.True(stream.Documents.Count == 1, $"{File} holds {stream.Documents.Count} YAML documents, not one.");
        return ToJson(stream.Documents[0].RootNode) as JsonObject ?? throw new InvalidOperationException($"{File} is not a mapping.");
    }

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode mapping => new JsonObject(mapping.Children.Select(child =>
            KeyValuePair.Create(((YamlScalarNode)child.Key).Value!, ToJson(child.Value)))),
        YamlSequenceNode sequence => new JsonArray([.. sequence.Children.Select(ToJson)]),
        YamlScalarNode scalar => scalar.Value is null ? null : JsonValue.Create(scalar.Value),
        _ => throw new InvalidOperationException($"Unexpected YAML node {node.NodeType} at {node.Start}."),
    };
}
