using AsyncCommerce.Checkout;
using AsyncCommerce.Orders;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace AsyncCommerce.Functions.Workflows;

/// <summary>
/// One <c>[OrchestrationTrigger]</c> per orchestrator of <see cref="CommerceTasks"/>, named after its class: what the
/// DurableTask source generator would emit, written by hand because this feed does not serve the generator.
/// </summary>
public static class OrchestratorFunctions
{
    [Function(nameof(CheckoutSaga))]
    public static Task<OrderStatus> RunCheckoutSaga([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var input = context.GetInput<CheckoutInput>()
            ?? throw new InvalidOperationException($"Orchestration {context.InstanceId} was started without a {nameof(CheckoutInput)}.");
        return new CheckoutSaga().RunAsync(context, input);
    }
}
