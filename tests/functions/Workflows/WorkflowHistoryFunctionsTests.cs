using AsyncCommerce.Functions.Tests.Support;
using AsyncCommerce.Functions.Workflows;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Moq;

namespace AsyncCommerce.Functions.Tests.Workflows;

/// <summary>The hourly timer as the worker runs it: the app's services, and the Durable client double it asks to purge.</summary>
public sealed class WorkflowHistoryFunctionsTests : IDisposable
{
    private readonly FunctionAppHarness _app = new();

    [Fact]
    public async Task PurgeWorkflowHistory_WithDefaultSettings_PurgesFinishedWorkflowsStartedOverSevenDaysAgo()
    {
        PurgeInstancesFilter? sent = null;
        _app.Workflows
            .Setup(w => w.PurgeAllInstancesAsync(It.IsAny<PurgeInstancesFilter>(), It.IsAny<CancellationToken>()))
            .Callback((PurgeInstancesFilter filter, CancellationToken _) => sent = filter)
            .ReturnsAsync(new PurgeResult(3));
        var before = DateTimeOffset.UtcNow;

        await _app.Functions<WorkflowHistoryFunctions>().PurgeWorkflowHistory(new TimerInfo(), _app.Workflows.Object, CancellationToken.None);

        Assert.NotNull(sent);
        Assert.InRange(sent.CreatedTo!.Value, before - TimeSpan.FromDays(7), DateTimeOffset.UtcNow - TimeSpan.FromDays(7));
        Assert.Equal(
            [OrchestrationRuntimeStatus.Completed, OrchestrationRuntimeStatus.Failed, OrchestrationRuntimeStatus.Terminated],
            sent.Statuses!.Order());
    }

    public void Dispose() => _app.Dispose();
}
