using AsyncCommerce.Orders;
using Microsoft.DurableTask;

namespace AsyncCommerce.Payments;

/// <param name="EventId">Id of the event the step records (PaymentCaptured, PaymentVoided or PaymentRefunded), chosen by the orchestrator.</param>
public sealed record SettlePaymentInput(string OrderId, string AuthorizationId, Money Amount, string EventId);

/// <summary>Activity: takes the authorized money and records PaymentCaptured (idempotent per authorization at the gateway).</summary>
public sealed class CapturePayment(IPaymentGateway gateway, OrderEventRecorder recorder, TimeProvider clock) : TaskActivity<SettlePaymentInput, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, SettlePaymentInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        await gateway.CaptureAsync(input.AuthorizationId, input.Amount);
        await recorder.RecordAsync(input.OrderId, input.EventId, clock.GetUtcNow(), new PaymentCaptured(input.AuthorizationId, input.Amount));
        return true;
    }
}

/// <summary>Activity: lets an uncaptured authorization go and records PaymentVoided (idempotent per authorization at the gateway).</summary>
public sealed class VoidPayment(IPaymentGateway gateway, OrderEventRecorder recorder, TimeProvider clock) : TaskActivity<SettlePaymentInput, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, SettlePaymentInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        await gateway.VoidAsync(input.AuthorizationId);
        await recorder.RecordAsync(input.OrderId, input.EventId, clock.GetUtcNow(), new PaymentVoided(input.AuthorizationId));
        return true;
    }
}

/// <summary>Activity: gives captured money back and records PaymentRefunded (idempotent per authorization at the gateway).</summary>
public sealed class RefundPayment(IPaymentGateway gateway, OrderEventRecorder recorder, TimeProvider clock) : TaskActivity<SettlePaymentInput, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, SettlePaymentInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        await gateway.RefundAsync(input.AuthorizationId, input.Amount);
        await recorder.RecordAsync(input.OrderId, input.EventId, clock.GetUtcNow(), new PaymentRefunded(input.AuthorizationId, input.Amount));
        return true;
    }
}
