using System.Text.Json.Nodes;

namespace AsyncCommerce.Infra.Tests;

[CollectionDefinition(Name)]
public sealed class InfraCollection : ICollectionFixture<CompiledInfra>
{
    public const string Name = "Compiled infra";
}

/// <summary>
/// Compiles, lints and snapshots infra/ once for every test: main.bicep to ARM JSON, each parameter file to its
/// ARM parameters, and each parameter file with main.bicep to a deployment snapshot. The CLI runs in parallel and
/// offline; nothing is written inside the repository.
/// </summary>
public sealed class CompiledInfra : IAsyncLifetime
{
    // Any ids do: the snapshot only needs them to resolve resource ids and names.
    private const string SubscriptionId = "00000000-0000-0000-0000-00000000c0de";
    private const string TenantId = "00000000-0000-0000-0000-000000007e57";
    private const string ResourceGroup = "rg-asynccommerce";
    public const string Location = "westeurope";

    private readonly string _workDirectory = Path.Combine(Path.GetTempPath(), $"asynccommerce-infra-{Guid.NewGuid():N}");
    private readonly Dictionary<string, DeploymentSnapshot> _snapshots = new(StringComparer.Ordinal);
    private readonly Dictionary<string, BicepRun> _snapshotRuns = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonObject> _parameters = new(StringComparer.Ordinal);
    private JsonObject? _mainTemplate;

    /// <summary>The environments: one per <c>infra/main.&lt;environment&gt;.bicepparam</c>.</summary>
    public static IReadOnlyList<string> EnvironmentNames { get; } =
        [.. Directory.GetFiles(BicepCli.InfraDirectory, "main.*.bicepparam").Select(EnvironmentOf).Order(StringComparer.Ordinal)];

    public static TheoryData<string> Environments => [.. EnvironmentNames];

    public BicepRun Build { get; private set; } = null!;

    public BicepRun Lint { get; private set; } = null!;

    public BicepRun BuildParams { get; private set; } = null!;

    /// <summary>main.bicep compiled to an ARM template (modules are nested deployments with inline templates).</summary>
    public JsonObject MainTemplate
    {
        get
        {
            Assert.True(_mainTemplate is not null, Build.ToString());
            return _mainTemplate;
        }
    }

    public AzureNames Names { get; } = AzureNames.Load(Path.Combine(BicepCli.InfraDirectory, "azure-names.json"));

    public async Task InitializeAsync()
    {
        var infra = BicepCli.InfraDirectory;
        var parametersDirectory = Directory.CreateDirectory(Path.Combine(_workDirectory, "parameters")).FullName;
        var snapshotDirectory = CopyInfra(Path.Combine(_workDirectory, "snapshot"));

        var build = BicepCli.RunAsync(infra, "build", "main.bicep", "--stdout");
        var lint = BicepCli.RunAsync(infra, "lint", "--pattern", "**/*.bicep*");
        var buildParams = BicepCli.RunAsync(infra, "build-params", "--pattern", "*.bicepparam", "--outdir", parametersDirectory);
        var snapshots = EnvironmentNames.ToDictionary(
            environment => environment,
            environment => BicepCli.RunAsync(
                snapshotDirectory, "snapshot", $"main.{environment}.bicepparam",
                "--subscription-id", SubscriptionId, "--tenant-id", TenantId, "--resource-group", ResourceGroup, "--location", Location),
            StringComparer.Ordinal);
        await Task.WhenAll([build, lint, buildParams, .. snapshots.Values]);

        Build = await build;
        Lint = await lint;
        BuildParams = await buildParams;
        _mainTemplate = Build.ExitCode == 0 ? JsonNode.Parse(Build.StandardOutput)?.AsObject() : null;
        foreach (var environment in EnvironmentNames)
        {
            var file = Path.Combine(parametersDirectory, $"main.{environment}.json");
            if (File.Exists(file))
                _parameters[environment] = ReadJson(file);
        }

        foreach (var (environment, run) in snapshots)
        {
            _snapshotRuns[environment] = await run;
            var file = Path.Combine(snapshotDirectory, $"main.{environment}.snapshot.json");
            if (File.Exists(file))
                _snapshots[environment] = new DeploymentSnapshot(environment, ReadJson(file));
        }
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_workDirectory, recursive: true);
        return Task.CompletedTask;
    }

    /// <summary>What main.bicep deploys with <c>main.&lt;environment&gt;.bicepparam</c>.</summary>
    public DeploymentSnapshot Snapshot(string environment)
    {
        var run = _snapshotRuns[environment];
        Assert.True(run.ExitCode == 0 && _snapshots.ContainsKey(environment), run.ToString());
        return _snapshots[environment];
    }

    public BicepRun SnapshotRun(string environment) => _snapshotRuns[environment];

    /// <summary><c>main.&lt;environment&gt;.bicepparam</c> compiled to ARM deployment parameters.</summary>
    public JsonObject Parameters(string environment)
    {
        Assert.True(BuildParams.ExitCode == 0 && _parameters.ContainsKey(environment), BuildParams.ToString());
        return _parameters[environment];
    }

    /// <summary>The compiled templates: main's and every module's, nested as deployed.</summary>
    public IEnumerable<JsonObject> Templates()
    {
        var pending = new Stack<JsonObject>([MainTemplate]);
        while (pending.TryPop(out var template))
        {
            yield return template;
            foreach (var deployment in ResourcesOf(template).Where(r => r["type"]?.GetValue<string>() == "Microsoft.Resources/deployments"))
            {
                if (Json.At(deployment, "properties.template") is JsonObject nested)
                    pending.Push(nested);
            }
        }
    }

    /// <summary>A template's resources, whether it lists them (language version 1) or names them (version 2).</summary>
    public static IEnumerable<JsonObject> ResourcesOf(JsonObject template) => template["resources"] switch
    {
        JsonArray list => list.Select(r => r!.AsObject()),
        JsonObject named => named.Select(r => r.Value!.AsObject()),
        _ => [],
    };

    private static string EnvironmentOf(string parameterFile)
    {
        var name = Path.GetFileNameWithoutExtension(parameterFile);
        return name["main.".Length..];
    }

    private static JsonObject ReadJson(string path) =>
        JsonNode.Parse(File.ReadAllText(path))?.AsObject() ?? throw new InvalidOperationException($"{path} is not a JSON object.");

    /// <summary><c>bicep snapshot</c> writes next to the parameter file, so it runs on a copy of infra/.</summary>
    private static string CopyInfra(string destination)
    {
        foreach (var file in Directory.EnumerateFiles(BicepCli.InfraDirectory, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(BicepCli.InfraDirectory, file);
            if (relative.EndsWith(".snapshot.json", StringComparison.Ordinal))
                continue;
            var target = Path.Combine(destination, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return destination;
    }
}
