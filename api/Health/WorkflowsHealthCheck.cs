using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AsyncCommerce.Api.Health;

/// <summary>
/// The Durable Task backend answers through the host's client. Made per request, not registered: the Functions app
/// gets its client from the trigger's binding, not from the service provider.
/// </summary>
internal sealed class WorkflowsHealthCheck(DurableTaskClient workflows) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        // Looking up an instance that does not exist is the cheapest round trip to the backend.
        await workflows.GetInstanceAsync("health-probe", getInputsAndOutputs: false, cancellationToken);
        return HealthCheckResult.Healthy();
    }
}
