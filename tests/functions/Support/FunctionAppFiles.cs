using System.Text.Json;

namespace AsyncCommerce.Functions.Tests.Support;

/// <summary>The function app's configuration files, copied next to the tests by the test project.</summary>
public static class FunctionAppFiles
{
    public static JsonElement HostJson() => Read("host.json");

    /// <summary>The <c>Values</c> of the repository's local.settings.sample.json.</summary>
    public static IReadOnlyDictionary<string, string> LocalSettingsSample() =>
        Read("local.settings.sample.json").GetProperty("Values").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal);

    private static JsonElement Read(string file) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(FunctionsMetadata.Directory, file))).RootElement;
}
