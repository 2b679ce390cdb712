using AsyncCommerce.Api;
using AsyncCommerce.Api.OpenApi;
using AsyncCommerce.Functions.Http;
using AsyncCommerce.Functions.OpenApi;
using AsyncCommerce.Functions.Tests.Support;
using AsyncCommerce.Functions.Workflows;
using Microsoft.Azure.Functions.Worker;

namespace AsyncCommerce.Functions.Tests;

/// <summary>
/// The function app as the Functions host will index it (the build's functions.metadata), held to the registries:
/// every route of <see cref="CommerceRoutes"/> and every orchestrator and activity of <see cref="CommerceTasks"/>
/// has its function, under its name, with the right trigger, and the only other functions are the maintenance timers
/// listed here. A forgotten or misnamed function fails here.
/// </summary>
public sealed class FunctionsMetadataTests
{
    private static readonly IReadOnlyList<FunctionEntry> Functions = FunctionsMetadata.Load();

    /// <summary>Housekeeping on a schedule: no route, no workflow step.</summary>
    private static readonly string[] TimerFunctions = [nameof(WorkflowHistoryFunctions.PurgeWorkflowHistory)];

    /// <summary>The contract's own document: an HTTP function that is no route of the contract.</summary>
    private static readonly string[] DocumentFunctions = [nameof(OpenApiFunctions.GetOpenApiDocument)];

    public static TheoryData<string> RouteNames => [.. CommerceRoutes.All.Select(r => r.Name)];

    public static TheoryData<string> OrchestratorNames => [.. CommerceTasks.Orchestrators.Select(t => t.Name)];

    public static TheoryData<string> ActivityNames => [.. CommerceTasks.Activities.Select(t => t.Name)];

    [Theory]
    [MemberData(nameof(RouteNames))]
    public void Route_HasHttpTriggerFunctionWithItsMethodTemplateAndAuthLevel(string routeName)
    {
        var route = CommerceRoutes.All.Single(r => r.Name == routeName);

        var trigger = TriggerOf(route.Name, "httpTrigger");

        Assert.Equal([route.Method], trigger.Methods.Select(m => m.ToUpperInvariant()));
        Assert.Equal(route.Template, trigger.Route);
        Assert.Equal(FunctionAccess.LevelFor(route.Audience).ToString(), trigger.AuthLevel);
    }

    [Theory]
    [MemberData(nameof(OrchestratorNames))]
    public void Orchestrator_HasOrchestrationTriggerFunctionNamedAfterItsClass(string orchestrator) =>
        TriggerOf(orchestrator, "orchestrationTrigger");

    [Theory]
    [MemberData(nameof(ActivityNames))]
    public void Activity_HasActivityTriggerFunctionNamedAfterItsClass(string activity) =>
        TriggerOf(activity, "activityTrigger");

    [Fact]
    public void Metadata_HasNoFunctionOutsideTheRegistries()
    {
        var expected = CommerceRoutes.All.Select(r => r.Name)
            .Concat(CommerceTasks.Orchestrators.Select(t => t.Name))
            .Concat(CommerceTasks.Activities.Select(t => t.Name))
            .Concat(TimerFunctions)
            .Concat(DocumentFunctions)
            .Order(StringComparer.Ordinal);

        Assert.Equal(expected, Functions.Select(f => f.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void PurgeWorkflowHistory_RunsHourlyOnATimerWithADurableClient_NotOnStartup()
    {
        var function = Functions.Single(f => f.Name == nameof(WorkflowHistoryFunctions.PurgeWorkflowHistory));

        var trigger = TriggerOf(function.Name, "timerTrigger");

        Assert.Equal(("0 0 * * * *", false), (trigger.Schedule, trigger.RunOnStartup));
        Assert.Contains(function.Bindings, b => b is { Type: "durableClient", Direction: "In" });
    }

    [Fact]
    public void HttpTriggers_OnlyTheHealthRoutesAndTheDocumentAreAnonymous()
    {
        var anonymous = Functions.Where(f => f.Trigger?.Type == "httpTrigger" && f.Trigger.AuthLevel == "Anonymous").Select(f => f.Name);

        Assert.Equal([CommerceRoutes.GetHealth.Name, CommerceRoutes.GetLiveness.Name, nameof(OpenApiFunctions.GetOpenApiDocument)], anonymous.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void GetOpenApiDocument_IsAGetAtTheDocumentsRoute()
    {
        var trigger = TriggerOf(nameof(OpenApiFunctions.GetOpenApiDocument), "httpTrigger");

        Assert.Equal(["get"], trigger.Methods);
        Assert.Equal(CommerceOpenApi.Route, trigger.Route);
    }

    [Fact]
    public void HttpTriggers_ReturnTheirResponseThroughTheHttpOutput()
    {
        foreach (var function in Functions.Where(f => f.Trigger?.Type == "httpTrigger"))
            Assert.Contains(function.Bindings, b => b.Type == "http" && b.Direction == "Out");
    }

    [Fact]
    public void KeyedAudiences_EachUseFunctionKeysOfTheirOwn()
    {
        var keyed = Enum.GetValues<ApiAudience>().Where(a => a != ApiAudience.Anonymous).ToList();

        var keyNames = keyed.Select(FunctionAccess.KeyNameFor).ToList();

        // Function level, not Admin: the master key that Admin requires also opens the host's admin API.
        Assert.All(keyed, audience => Assert.Equal(AuthorizationLevel.Function, FunctionAccess.LevelFor(audience)));
        Assert.All(keyNames, name => Assert.False(string.IsNullOrWhiteSpace(name)));
        Assert.Equal(keyNames.Count, keyNames.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    private static BindingEntry TriggerOf(string functionName, string triggerType)
    {
        var function = Functions.SingleOrDefault(f => f.Name == functionName);
        Assert.True(function is not null, $"No function named '{functionName}' in functions.metadata.");
        Assert.True(function.Trigger?.Type == triggerType, $"Function '{functionName}' is triggered by '{function.Trigger?.Type}', not '{triggerType}'.");
        return function.Trigger!;
    }
}
