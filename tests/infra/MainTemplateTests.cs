using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AsyncCommerce.Api;

namespace AsyncCommerce.Infra.Tests;

/// <summary>main.bicep and its parameter files: they compile, lint clean, compose local modules and hold no secret.</summary>
[Collection(InfraCollection.Name)]
public sealed partial class MainTemplateTests(CompiledInfra infra)
{
    [Fact]
    public void MainBicep_Builds_WithoutDiagnostics()
    {
        Assert.True(infra.Build.ExitCode == 0, infra.Build.ToString());
        Assert.Equal("", infra.Build.Diagnostics);
    }

    [Fact]
    public void Linter_OnEveryBicepAndParameterFile_ReportsNothing()
    {
        Assert.True(infra.Lint.ExitCode == 0, infra.Lint.ToString());
        Assert.Equal("", infra.Lint.Diagnostics);
        Assert.Equal("", infra.Lint.StandardOutput.Trim());
    }

    [Fact]
    public void ParameterFiles_Build_WithoutDiagnostics()
    {
        Assert.True(infra.BuildParams.ExitCode == 0, infra.BuildParams.ToString());
        Assert.Equal("", infra.BuildParams.Diagnostics);
        Assert.Contains("dev", CompiledInfra.EnvironmentNames);
        Assert.Contains("prod", CompiledInfra.EnvironmentNames);
        Assert.All(CompiledInfra.EnvironmentNames, e => Assert.NotEmpty(infra.Parameters(e)["parameters"]!.AsObject()));
    }

    [Theory]
    [MemberData(nameof(CompiledInfra.Environments), MemberType = typeof(CompiledInfra))]
    public void Deployment_EvaluatesLocally_WithoutDiagnostics(string environment)
    {
        var snapshot = infra.Snapshot(environment);

        Assert.Empty(snapshot.Diagnostics);
        Assert.Equal("", infra.SnapshotRun(environment).Diagnostics);
    }

    [Theory]
    [MemberData(nameof(CompiledInfra.Environments), MemberType = typeof(CompiledInfra))]
    public void ParameterFile_SetsOnlyParametersOfMainBicep(string environment)
    {
        var declared = infra.MainTemplate["parameters"]!.AsObject().Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        var set = infra.Parameters(environment)["parameters"]!.AsObject().Select(p => p.Key);

        Assert.All(set, name => Assert.Contains(name, declared));
    }

    [Fact]
    public void MainBicep_OnlyComposesModules()
    {
        var resources = CompiledInfra.ResourcesOf(infra.MainTemplate).ToList();

        Assert.NotEmpty(resources);
        Assert.All(resources, r => Assert.Equal("Microsoft.Resources/deployments", r["type"]!.GetValue<string>()));
    }

    [Fact]
    public void Modules_AreLocalFiles_NotFromARegistry()
    {
        var references = Directory.EnumerateFiles(BicepCli.InfraDirectory, "*.bicep", SearchOption.AllDirectories)
            .SelectMany(file => ModuleReference().Matches(File.ReadAllText(file)).Select(m => (File: file, Path: m.Groups["path"].Value)))
            .ToList();

        Assert.NotEmpty(references);
        Assert.All(references, r => Assert.True(
            r.Path.EndsWith(".bicep", StringComparison.Ordinal) && !r.Path.Contains(':', StringComparison.Ordinal),
            $"{r.File} uses module '{r.Path}': modules must be local files (registries cannot be reached)."));
        Assert.All(infra.Templates().SelectMany(CompiledInfra.ResourcesOf), r => Assert.Null(Json.At(r, "properties.templateLink")));
    }

    [Fact]
    public void EveryParameter_HasADescription_AndMainParametersHaveSafeDefaults()
    {
        foreach (var template in infra.Templates())
        {
            Assert.All(template["parameters"]?.AsObject() ?? [], p => Assert.True(
                Json.At(p.Value, "metadata.description") is not null, $"Parameter '{p.Key}' has no @description."));
        }

        Assert.All(infra.MainTemplate["parameters"]!.AsObject(), p => Assert.True(
            p.Value!["defaultValue"] is not null, $"main.bicep parameter '{p.Key}' has no default."));
    }

    [Fact]
    public void Templates_HoldNoSecretKeyOrConnectionString()
    {
        foreach (var template in infra.Templates())
        {
            Secrets.AssertHoldsNoKey(template.ToJsonString(), "A compiled template");
            Assert.All(template["parameters"]?.AsObject() ?? [], p => Assert.DoesNotContain(
                "secure", p.Value!["type"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase));
            Assert.All(template["outputs"]?.AsObject() ?? [], o => Assert.DoesNotMatch(Secrets.SecretName(), o.Key));
            Assert.All(template["outputs"]?.AsObject() ?? [], o => Assert.DoesNotContain(
                "ConnectionString", o.Value!["value"]!.ToJsonString(), StringComparison.OrdinalIgnoreCase));
        }

        foreach (var environment in CompiledInfra.EnvironmentNames)
        {
            Secrets.AssertHoldsNoKey(infra.Parameters(environment).ToJsonString(), $"main.{environment}.bicepparam");
            Assert.All(infra.Parameters(environment)["parameters"]!.AsObject(), p => Assert.False(
                Secrets.SecretName().IsMatch(p.Key), $"main.{environment}.bicepparam sets '{p.Key}', which looks like a secret."));
        }
    }

    [Theory]
    [MemberData(nameof(CompiledInfra.Environments), MemberType = typeof(CompiledInfra))]
    public void EveryResourceWithARegion_IsTagged_AndInTheDeploymentRegion(string environment)
    {
        var snapshot = infra.Snapshot(environment);
        var located = snapshot.Resources.Where(r => r.At("location") is not null).ToList();

        Assert.NotEmpty(located);
        Assert.All(located, r =>
        {
            // Action groups and metric alerts are global resources: Azure accepts no region for them.
            var global = r.Type is "Microsoft.Insights/actionGroups" or "Microsoft.Insights/metricAlerts";
            Assert.Equal(global ? "global" : CompiledInfra.Location, r.String("location"));
            Assert.True(r.String("tags.application") == "AsyncCommerce", $"{r} has no application tag.");
            Assert.True(r.String("tags.environment") == environment, $"{r} has no environment tag.");
        });
    }

    [Theory]
    [MemberData(nameof(CompiledInfra.Environments), MemberType = typeof(CompiledInfra))]
    public void Outputs_GiveTheStorefrontTheApiBaseUrl_AndNothingSecret(string environment)
    {
        var snapshot = infra.Snapshot(environment);
        var app = snapshot.Single("Microsoft.Web/sites");
        var apiBaseUrl = snapshot.Outputs["apiBaseUrl"]!.GetValue<string>();

        Assert.StartsWith($"[format('https://{{0}}/{CommerceRoutes.Prefix}', reference('{app.Id}'", apiBaseUrl, StringComparison.Ordinal);
        Assert.EndsWith(").defaultHostName)]", apiBaseUrl, StringComparison.Ordinal);
        Assert.Equal(app.Name, snapshot.Outputs["functionAppName"]!.GetValue<string>());
        Assert.All(snapshot.Outputs, o => Assert.DoesNotMatch(Secrets.SecretName(), o.Key));
    }

    [Fact]
    public void Production_RunsAtLeastTwoInstancesAcrossZones()
    {
        var snapshot = infra.Snapshot("prod");
        var plan = snapshot.Single("Microsoft.Web/serverfarms");

        Assert.True(plan.Int("sku.capacity") >= 2, $"prod runs {plan.Int("sku.capacity")} instance(s).");
        Assert.True(plan.Bool("properties.zoneRedundant"));
        Assert.Equal("Standard_ZRS", snapshot.Single("Microsoft.Storage/storageAccounts").String("sku.name"));
    }

    [GeneratedRegex(@"^\s*module\s+\w+\s+'(?<path>[^']+)'", RegexOptions.Multiline)]
    private static partial Regex ModuleReference();
}
