using System.Diagnostics.Metrics;
using AsyncCommerce.Telemetry;

namespace AsyncCommerce.Infra.Tests.Modules;

/// <summary>The alerts that need a person, and that each watches what the system really emits.</summary>
[Collection(InfraCollection.Name)]
public sealed class AlertsTests(CompiledInfra infra)
{
    private const string ActionGroup = "Microsoft.Insights/actionGroups";

    [Theory]
    [MemberData(nameof(CompiledInfra.Environments), MemberType = typeof(CompiledInfra))]
    public void DeadLetterAlert_WatchesTheOrderEventsTopicsDeadLetters_AndNotifiesTheActionGroup(string environment)
    {
        var snapshot = infra.Snapshot(environment);
        var serviceBus = snapshot.Single("Microsoft.ServiceBus/namespaces");
        var alert = snapshot.Single("Microsoft.Insights/metricAlerts");

        Assert.Equal([serviceBus.Id], Strings(alert, "properties.scopes"));
        var criterion = Assert.Single(alert.At("properties.criteria.allOf")!.AsArray())!;
        Assert.Equal("DeadletteredMessages", Json.At(criterion, "metricName")!.GetValue<string>());
        Assert.Equal("Microsoft.ServiceBus/namespaces", Json.At(criterion, "metricNamespace")!.GetValue<string>());
        Assert.Equal("GreaterThan", Json.At(criterion, "operator")!.GetValue<string>());
        Assert.Equal(0, Json.At(criterion, "threshold")!.GetValue<int>());
        var entity = Assert.Single(Json.At(criterion, "dimensions")!.AsArray())!;
        Assert.Equal("EntityName", Json.At(entity, "name")!.GetValue<string>());
        Assert.Equal([infra.Names.OrderEventsTopic], Json.At(entity, "values")!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.True(alert.Bool("properties.enabled"));
        Assert.Equal([snapshot.Single(ActionGroup).Id], alert.At("properties.actions")!.AsArray().Select(a => Json.At(a, "actionGroupId")!.GetValue<string>()));
    }

    [Theory]
    [MemberData(nameof(CompiledInfra.Environments), MemberType = typeof(CompiledInfra))]
    public void FailedOrdersAlert_QueriesTheMetricTheWorkflowsEmit_InApplicationInsights(string environment)
    {
        var snapshot = infra.Snapshot(environment);
        var applicationInsights = snapshot.Single("Microsoft.Insights/components");
        var alert = snapshot.Single("Microsoft.Insights/scheduledQueryRules");

        Assert.Equal([applicationInsights.Id], Strings(alert, "properties.scopes"));
        var criterion = Assert.Single(alert.At("properties.criteria.allOf")!.AsArray())!;
        var query = Json.At(criterion, "query")!.GetValue<string>();
        Assert.Contains($"name == '{EmittedFailedOrdersMetric()}'", query, StringComparison.Ordinal);
        Assert.Equal("GreaterThan", Json.At(criterion, "operator")!.GetValue<string>());
        Assert.Equal(0, Json.At(criterion, "threshold")!.GetValue<int>());
        Assert.True(alert.Bool("properties.enabled"));
        Assert.Equal([snapshot.Single(ActionGroup).Id], Strings(alert, "properties.actions.actionGroups"));
    }

    [Theory]
    [MemberData(nameof(CompiledInfra.Environments), MemberType = typeof(CompiledInfra))]
    public void ActionGroup_ByDefault_EmailsNobody(string environment)
    {
        var actionGroup = infra.Snapshot(environment).Single(ActionGroup);

        Assert.Equal("global", actionGroup.String("location"));
        Assert.Empty(actionGroup.At("properties.emailReceivers")!.AsArray());
    }

    // The name an order failure is counted under, taken from the instrument the code publishes, not from the JSON file.
    private static string EmittedFailedOrdersMetric()
    {
        var emitted = new List<string>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == CommerceTelemetry.Name)
                    l.EnableMeasurementEvents(instrument);
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, _, _, _) =>
        {
            lock (emitted)
                emitted.Add(instrument.Name);
        });
        listener.Start();

        CommerceMetrics.WorkflowFailed();

        lock (emitted)
            return Assert.Single(emitted.Distinct());
    }

    private static IEnumerable<string> Strings(ArmResource resource, string path) =>
        resource.At(path)!.AsArray().Select(item => item!.GetValue<string>());
}
