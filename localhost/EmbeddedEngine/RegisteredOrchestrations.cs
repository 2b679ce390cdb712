using DurableTask.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Shims;

namespace AsyncCommerce.LocalHost.EmbeddedEngine;

/// <summary>
/// Hands Durable Task Core a fresh SDK shim around the registered orchestrator for every episode, as the SDK's own
/// worker does. Orchestrators are created from the root provider: they are deterministic code with no scoped
/// dependencies, and the host's scope validation fails one that asks for a scoped service.
/// </summary>
internal sealed class RegisteredOrchestrations(IDurableTaskFactory factory, DurableTaskShimFactory shims, IServiceProvider services)
    : INameVersionObjectManager<TaskOrchestration>
{
    public void Add(ObjectCreator<TaskOrchestration> creator) =>
        throw new NotSupportedException("Orchestrators are registered with the Durable Task SDK's registry (AddCommerceTasks).");

    public TaskOrchestration? GetObject(string name, string? version)
    {
        var taskName = new TaskName(name);
        return factory.TryCreateOrchestrator(taskName, services, out var orchestrator)
            ? shims.CreateOrchestration(taskName, orchestrator)
            : null;
    }
}
