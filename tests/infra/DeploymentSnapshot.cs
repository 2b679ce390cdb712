using System.Text.Json.Nodes;

namespace AsyncCommerce.Infra.Tests;

/// <summary>
/// The compiled ARM template of main.bicep evaluated with one parameter file by <c>bicep snapshot</c>: every resource
/// the deployment would create, with names, ids and properties resolved (values only Azure knows, such as the
/// app's principal id, stay <c>reference(...)</c> expressions naming their resource).
/// </summary>
public sealed class DeploymentSnapshot
{
    public DeploymentSnapshot(string environment, JsonObject snapshot)
    {
        Environment = environment;
        Resources = [.. snapshot["predictedResources"]!.AsArray().Select(r => new ArmResource(r!.AsObject()))];
        Outputs = snapshot["outputs"]?.AsObject() ?? [];
        Diagnostics = snapshot["diagnostics"]?.AsArray() ?? [];
    }

    public string Environment { get; }

    public IReadOnlyList<ArmResource> Resources { get; }

    public JsonObject Outputs { get; }

    public JsonArray Diagnostics { get; }

    public IReadOnlyList<ArmResource> OfType(string type) =>
        [.. Resources.Where(r => string.Equals(r.Type, type, StringComparison.OrdinalIgnoreCase))];

    public ArmResource Single(string type)
    {
        var matches = OfType(type);
        Assert.True(matches.Count == 1, $"{Environment}: expected one {type}, found {matches.Count}.");
        return matches[0];
    }

    /// <summary>The expression Azure resolves to the value <paramref name="property"/> of the resource <paramref name="id"/>.</summary>
    public static bool IsReferenceTo(string? expression, string id, string property) =>
        expression is not null
        && expression.StartsWith($"[reference('{id}'", StringComparison.OrdinalIgnoreCase)
        && expression.EndsWith($").{property}]", StringComparison.Ordinal);

    public override string ToString() => Environment;
}
