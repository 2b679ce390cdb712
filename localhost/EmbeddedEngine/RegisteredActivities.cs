using DurableTask.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Shims;

namespace AsyncCommerce.LocalHost.EmbeddedEngine;

/// <summary>
/// Hands Durable Task Core the registered activities. Each execution gets its own dependency-injection scope, as
/// under the SDK's own worker, so an activity's scoped services live exactly as long as that execution.
/// </summary>
internal sealed class RegisteredActivities(IDurableTaskFactory factory, DurableTaskShimFactory shims, IServiceProvider services)
    : INameVersionObjectManager<TaskActivity>
{
    public void Add(ObjectCreator<TaskActivity> creator) =>
        throw new NotSupportedException("Activities are registered with the Durable Task SDK's registry (AddCommerceTasks).");

    public TaskActivity? GetObject(string name, string? version)
    {
        var taskName = new TaskName(name);
        var scope = services.CreateAsyncScope();
        if (factory.TryCreateActivity(taskName, scope.ServiceProvider, out var activity))
            return new ScopedActivity(shims.CreateActivity(taskName, activity), scope);

        // Durable Task Core fails the step as "not found".
        scope.Dispose();
        return null;
    }

    // Durable Task Core runs the object it asked for at once (TaskActivityDispatcher), so the scope ends with that run.
    private sealed class ScopedActivity(TaskActivity shim, AsyncServiceScope scope) : TaskActivity
    {
        public override string Run(TaskContext context, string input) =>
            throw new NotSupportedException("Durable Task Core runs activities through RunAsync.");

        public override async Task<string> RunAsync(TaskContext context, string input)
        {
            await using (scope)
                return await shim.RunAsync(context, input);
        }
    }
}
