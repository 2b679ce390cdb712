using AsyncCommerce.Api;
using AsyncCommerce.Functions;

namespace AsyncCommerce.Infra.Tests.Modules;

/// <summary>The Function App and its plan: secure, always on, and given exactly the settings the app reads.</summary>
[Collection(InfraCollection.Name)]
public sealed class FunctionAppTests(CompiledInfra infra)
{
    [Theory]
    [MemberData(nameof(CompiledInfra.Environments), MemberType = typeof(CompiledInfra))]
    public void FunctionApp_RunsDotnet10Isolated_HttpsOnly_Tls12_WithoutFtp(string environment)
    {
        var app = infra.Snapshot(environment).Single("Microsoft.Web/sites");

        Assert.Equal("functionapp,linux", app.String("kind"));
        Assert.Equal("DOTNET-ISOLATED|10.0", app.String("properties.siteConfig.linuxFxVersion"));
        Assert.True(app.Bool("properties.httpsOnly"));
        Assert.Equal("1.2", app.String("properties.siteConfig.minTlsVersion"));
        Assert.Equal("1.2", app.String("properties.siteConfig.scmMinTlsVersion"));
        Assert.Equal("Disabled", app.String("properties.siteConfig.ftpsState"));
    }

    [Theory]
    [MemberData(nameof(CompiledInfra.Environments), MemberType = typeof(CompiledInfra))]
    public void FunctionApp_HasASystemAssignedIdentity_AndNoBasicAuthPublishing(string environment)
    {
        var snapshot = infra.Snapshot(environment);
        var app = snapshot.Single("Microsoft.Web/sites");
        var policies = snapshot.OfType("Microsoft.Web/sites/basicPublishingCredentialsPolicies");

        Assert.Equal("SystemAssigned", app.String("identity.type"));
        Assert.Equal(["ftp", "scm"], policies.Select(p => p.ShortName).Order(StringComparer.Ordinal));
        Assert.All(policies, p => Assert.False(p.Bool("properties.allow") ?? true, $"{p} allows basic-auth publishing."));
    }

    /// <summary>The hosted ServiceBusProcessor consumers only run while an instance runs: no plan that scales to zero.</summary>
    [Theory]
    [MemberData(nameof(CompiledInfra.Environments), MemberType = typeof(CompiledInfra))]
    public void Plan_IsDedicatedLinux_AndAlwaysOn(string environment)
    {
        var snapshot = infra.Snapshot(environment);
        var plan = snapshot.Single("Microsoft.Web/serverfarms");
        var app = snapshot.Single("Microsoft.Web/sites");
        var sku = plan.String("sku.name")!;

        Assert.True(sku.StartsWith('B') || sku.StartsWith('S') || sku.StartsWith('P'), $"{plan} has SKU {sku}, not a Dedicated one.");
        Assert.False(sku.StartsWith("EP", StringComparison.Ordinal), $"{plan} is Elastic Premium, which needs a key-based content share.");
        Assert.True(plan.Bool("properties.reserved"), $"{plan} is not a Linux plan.");
        Assert.Equal(plan.Id, app.String("properties.serverFarmId"));
        Assert.True(app.Bool("properties.siteConfig.alwaysOn"));
    }

    [Theory]
    [MemberData(nameof(CompiledInfra.Environments), MemberType = typeof(CompiledInfra))]
    public void AppSettings_AreExactlyTheSettingsTheAppReads(string environment)
    {
        // Everything App Service and the Functions host read, and every setting the worker requires. The worker's
        // optional settings (workflow timings) keep the defaults in code; emulator-only settings never reach Azure.
        var expected = FunctionAppSettings.ForAzure
            .Where(s => s.ReadBy != SettingReader.Worker || s.Requirement == SettingRequirement.Required)
            .Select(s => s.Name);

        var names = AppSettings(environment).Select(s => s.Name).ToList();

        Assert.Equal(expected.Order(StringComparer.Ordinal), names.Order(StringComparer.Ordinal));
        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Theory]
    [MemberData(nameof(CompiledInfra.Environments), MemberType = typeof(CompiledInfra))]
    public void AppSettings_WithOneAllowedValue_HaveIt(string environment)
    {
        var settings = AppSettings(environment).ToDictionary(s => s.Name, s => s.Value, StringComparer.Ordinal);

        Assert.All(FunctionAppSettings.ForAzure.Where(s => s.ExpectedValue is not null && settings.ContainsKey(s.Name)), s =>
            Assert.Equal(s.ExpectedValue, settings[s.Name]));
    }

    /// <summary>The list replaces every setting: dropping this one would unmount the code the last publish uploaded.</summary>
    [Theory]
    [MemberData(nameof(CompiledInfra.Environments), MemberType = typeof(CompiledInfra))]
    public void AppSettings_KeepRunningFromThePublishedPackage(string environment)
    {
        var settings = AppSettings(environment).ToDictionary(s => s.Name, s => s.Value, StringComparer.Ordinal);

        Assert.Equal("1", settings[FunctionAppSettings.RunFromPackage]);
    }

    [Theory]
    [MemberData(nameof(CompiledInfra.Environments), MemberType = typeof(CompiledInfra))]
    public void AppSettings_ConnectToEveryServiceByIdentity(string environment)
    {
        var snapshot = infra.Snapshot(environment);
        var settings = AppSettings(environment).ToDictionary(s => s.Name, s => s.Value, StringComparer.Ordinal);
        var storage = snapshot.Single("Microsoft.Storage/storageAccounts");
        var serviceBus = snapshot.Single("Microsoft.ServiceBus/namespaces");
        var cosmos = snapshot.Single("Microsoft.DocumentDB/databaseAccounts");
        var appInsights = snapshot.Single("Microsoft.Insights/components");

        Assert.Equal(storage.Name, settings[FunctionAppSettings.StorageAccountName]);
        Assert.Equal($"{serviceBus.Name}.servicebus.windows.net", settings[FunctionAppSettings.ServiceBusNamespace]);
        Assert.True(DeploymentSnapshot.IsReferenceTo(settings[FunctionAppSettings.CosmosAccountEndpoint], cosmos.Id, "documentEndpoint"),
            settings[FunctionAppSettings.CosmosAccountEndpoint]);

        // The one connection string: Application Insights' ingestion endpoint, useless without the Entra token.
        Assert.True(DeploymentSnapshot.IsReferenceTo(settings[FunctionAppSettings.ApplicationInsightsConnectionString], appInsights.Id, "ConnectionString"),
            settings[FunctionAppSettings.ApplicationInsightsConnectionString]);
        Assert.Equal("Authorization=AAD", settings[FunctionAppSettings.ApplicationInsightsAuthenticationString]);
        Assert.True(appInsights.Bool("properties.DisableLocalAuth"));

        Assert.All(settings.Where(s => s.Key != FunctionAppSettings.ApplicationInsightsConnectionString), s =>
        {
            Assert.DoesNotContain("ConnectionString", s.Key, StringComparison.OrdinalIgnoreCase);
            Assert.NotEqual("AzureWebJobsStorage", s.Key);
        });
        Assert.All(settings, s => Secrets.AssertHoldsNoKey(s.Value, $"App setting {s.Key}"));
    }

    [Theory]
    [MemberData(nameof(CompiledInfra.Environments), MemberType = typeof(CompiledInfra))]
    public void HealthCheck_ProbesTheAnonymousHealthRoute(string environment)
    {
        var app = infra.Snapshot(environment).Single("Microsoft.Web/sites");

        Assert.Equal($"/{CommerceRoutes.Prefix}/{CommerceRoutes.Templates.Health}", app.String("properties.siteConfig.healthCheckPath"));
    }

    private IEnumerable<(string Name, string Value)> AppSettings(string environment) =>
        infra.Snapshot(environment).Single("Microsoft.Web/sites").At("properties.siteConfig.appSettings")!.AsArray()
            .Select(s => (s!["name"]!.GetValue<string>(), s["value"]!.GetValue<string>()));
}
