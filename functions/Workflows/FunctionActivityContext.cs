using Microsoft.DurableTask;

namespace AsyncCommerce.Functions.Workflows;

/// <summary>The <see cref="TaskActivityContext"/> an activity class sees when a Functions activity trigger runs it.</summary>
public sealed class FunctionActivityContext(TaskName name, string instanceId) : TaskActivityContext
{
    public override TaskName Name { get; } = name;

    public override string InstanceId { get; } = instanceId;
}
