using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace AsyncCommerce.Infra.Tests;

/// <summary>
/// azure.yaml, which <c>azd up</c> reads, held to what azd's published schema (schemas/v1.0/azure.yaml.json of
/// Azure/azure-dev) requires of it, and to what infra/ gives azd: the parameters it passes and the tag by which it
/// finds the app to publish to. azd itself cannot be installed here.
/// </summary>
[Collection(InfraCollection.Name)]
public sealed partial class AzdProjectTests(CompiledInfra infra)
{
    private const string ServiceName = "functions";

    /// <summary>Top-level properties the schema defines; it allows others, but a misspelt one would be ignored silently.</summary>
    private static readonly string[] TopLevelProperties =
        ["name", "resourceGroup", "metadata", "infra", "services", "resources", "pipeline", "hooks", "requiredVersions", "state", "platform", "workflows", "cloud"];

    /// <summary>The hosts and languages the schema names for a service.</summary>
    private static readonly string[] Hosts = ["appservice", "containerapp", "function", "springapp", "staticwebapp", "aks"];

    private static readonly string[] Languages = ["dotnet", "csharp", "fsharp", "py", "python", "js", "ts", "java", "go", "golang", "docker"];

    private readonly JsonObject _project = AzdProject.Load();

    [Fact]
    public void Name_IsWhatTheSchemaRequires()
    {
        var name = _project["name"]?.GetValue<string>();

        Assert.NotNull(name);
        Assert.True(name.Length >= 2, $"name '{name}' is shorter than 2 characters.");
        Assert.Matches(ApplicationName(), name);
        Assert.All(_project, p => Assert.Contains(p.Key, TopLevelProperties));
    }

    [Fact]
    public void Infra_IsTheBicepOfInfraFolder_WithMainAsItsModule()
    {
        var provider = Json.At(_project, "infra.provider")?.GetValue<string>();
        var path = Json.At(_project, "infra.path")?.GetValue<string>();
        var module = Json.At(_project, "infra.module")?.GetValue<string>();

        Assert.Equal("bicep", provider);
        Assert.Matches(ProviderName(), provider);
        Assert.Null(Json.At(_project, "infra.layers"));
        Assert.Equal(Path.GetFullPath(BicepCli.InfraDirectory), Path.GetFullPath(Path.Combine(AzdProject.RepositoryRoot, path!)));
        Assert.True(File.Exists(Path.Combine(BicepCli.InfraDirectory, $"{module}.bicep")), $"infra/{module}.bicep does not exist.");
    }

    [Fact]
    public void Services_AreTheFunctionsProjectOnAFunctionHost()
    {
        var services = _project["services"] as JsonObject;

        Assert.NotNull(services);
        Assert.Equal([ServiceName], services.Select(s => s.Key));
        Assert.All(services, s =>
        {
            var service = s.Value!.AsObject();
            Assert.Contains(service["host"]?.GetValue<string>(), Hosts);
            Assert.Contains(service["language"]?.GetValue<string>(), Languages);
        });

        var functions = services[ServiceName]!.AsObject();
        Assert.Equal("function", functions["host"]!.GetValue<string>());
        Assert.Equal("dotnet", functions["language"]!.GetValue<string>());

        // A function host deploys a project or an image, never both, and takes no k8s, apiVersion or env settings.
        Assert.Null(functions["image"]);
        Assert.All(new[] { "k8s", "apiVersion", "env" }, p => Assert.Null(functions[p]));
        var project = Path.Combine(AzdProject.RepositoryRoot, functions["project"]!.GetValue<string>());
        Assert.True(File.Exists(Path.Combine(project, "AsyncCommerce.Functions.csproj")), $"{project} is not the functions project.");
    }

    [Fact]
    public void ParametersFile_PassesAzdsEnvironmentNameAndRegion_ToParametersOfMainBicep()
    {
        var parameters = ReadParametersFile();
        var declared = infra.MainTemplate["parameters"]!.AsObject();

        Assert.Equal("${AZURE_ENV_NAME}", Json.At(parameters, "environmentName.value")?.GetValue<string>());
        Assert.Equal("${AZURE_LOCATION}", Json.At(parameters, "location.value")?.GetValue<string>());
        Assert.All(parameters, p => Assert.True(declared.ContainsKey(p.Key), $"main.parameters.json sets '{p.Key}', which main.bicep does not declare."));

        // azd accepts environment names of up to 64 characters; main.bicep must take any of them.
        Assert.True(Json.At(declared["environmentName"], "maxLength")?.GetValue<int>() >= 64);
        Assert.True(Json.At(declared["environmentName"], "minLength")?.GetValue<int>() <= 1);
    }

    [Theory]
    [MemberData(nameof(CompiledInfra.Environments), MemberType = typeof(CompiledInfra))]
    public void FunctionApp_IsTheOneResourceTaggedWithTheServiceName(string environment)
    {
        var snapshot = infra.Snapshot(environment);
        var tagged = snapshot.Resources.Where(r => r.String("tags.azd-service-name") is not null).ToList();

        var app = Assert.Single(tagged);
        Assert.Equal("Microsoft.Web/sites", app.Type);
        Assert.Equal(ServiceName, app.String("tags.azd-service-name"));
    }

    private static JsonObject ReadParametersFile()
    {
        var file = Path.Combine(BicepCli.InfraDirectory, "main.parameters.json");
        return JsonNode.Parse(File.ReadAllText(file))?["parameters"]?.AsObject() ?? throw new InvalidOperationException($"{file} has no parameters.");
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex ApplicationName();

    [GeneratedRegex("^[a-z0-9.]+$")]
    private static partial Regex ProviderName();
}
