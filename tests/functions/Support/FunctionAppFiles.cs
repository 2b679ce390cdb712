using System.Text.Json;

namespace AsyncCommerce.Functions.Tests.Support;

/// <summary>The function app's configuration files, copied next to the tests by the test project.</summary>
public static class FunctionAppFiles
{
    public static JsonElement HostJson() => Read("host.json");

    /// <summary>The sample a developer copies: the AzureStorage profile, Azurite alone.</summary>
    public const string LocalSettingsSampleFile = "local.settings.sample.json";

    /// <summary>The sample of the Cosmos profile: Azurite, the Cosmos DB emulator and the Service Bus emulator.</summary>
    public const string CosmosLocalSettingsSampleFile = "local.settings.cosmos.sample.json";

    /// <summary>The <c>Values</c> of one of the repository's local settings samples.</summary>
    public static IReadOnlyDictionary<string, string> LocalSettingsSample(string file = LocalSettingsSampleFile) =>
        Read(file).GetProperty("Values").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal);

    private static JsonElement Read(string file) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(FunctionsMetadata.Directory, file))).RootElement;
}
