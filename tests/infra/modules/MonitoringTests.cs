namespace AsyncCommerce.Infra.Tests.Modules;

[Collection(InfraCollection.Name)]
public sealed class MonitoringTests(CompiledInfra infra)
{
    [Theory]
    [MemberData(nameof(CompiledInfra.Environments), MemberType = typeof(CompiledInfra))]
    public void ApplicationInsights_AcceptsOnlyEntraAuthenticatedTelemetry_IntoTheWorkspace(string environment)
    {
        var snapshot = infra.Snapshot(environment);
        var workspace = snapshot.Single("Microsoft.OperationalInsights/workspaces");

        Assert.All(snapshot.OfType("Microsoft.Insights/components"), appInsights =>
        {
            Assert.True(appInsights.Bool("properties.DisableLocalAuth"), $"{appInsights} accepts telemetry without Entra auth.");
            Assert.Equal(workspace.Id, appInsights.String("properties.WorkspaceResourceId"));
        });
    }

    [Theory]
    [MemberData(nameof(CompiledInfra.Environments), MemberType = typeof(CompiledInfra))]
    public void LogAnalytics_HasLocalAuthDisabled(string environment)
    {
        Assert.All(infra.Snapshot(environment).OfType("Microsoft.OperationalInsights/workspaces"), workspace =>
            Assert.True(workspace.Bool("properties.features.disableLocalAuth"), $"{workspace} accepts shared keys."));
    }
}
