using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AsyncCommerce.Adapters.ServiceBus;

/// <summary>
/// Opens the send link to the order-events topic, sending nothing: the namespace answers, the topic exists and the
/// app's identity may send to it (a missing role assignment fails here, not at the first order's publish).
/// </summary>
internal sealed class ServiceBusHealthCheck(ServiceBusClient client, ServiceBusNames names) : IHealthCheck
{
    // One sender for the app's life: its link stays open between probes, as the publisher's does, and closes with the
    // client that created it.
    private readonly ServiceBusSender _sender = client.CreateSender(names.OrderEventsTopic);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            // A batch is sized by the link, so creating one opens (or reuses) the authorized link.
            using var batch = await _sender.CreateMessageBatchAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (UnauthorizedAccessException error)
        {
            return HealthCheckResult.Unhealthy($"topic {names.OrderEventsTopic}: not authorized to send (does the app's identity hold Azure Service Bus Data Sender?)", error);
        }
        catch (ServiceBusException error)
        {
            return HealthCheckResult.Unhealthy($"topic {names.OrderEventsTopic}: {error.Reason}", error);
        }
    }
}
