using AsyncCommerce.Orders;
using Microsoft.DurableTask;

namespace AsyncCommerce.Payments;

public sealed record SettlePaymentInput(string OrderId, string AuthorizationId, Money Amount);

/// <summary>Activity: takes the authorized money (idempotent per authorization at the gateway).</summary>
public sealed class CapturePayment(IPaymentGateway gateway) : TaskActivity<SettlePaymentInput, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, SettlePaymentInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        await gateway.CaptureAsync(input.AuthorizationId, input.Amount);
        return true;
    }
}

/// <summary>Activity: lets an uncaptured authorization go (idempotent per authorization at the gateway).</summary>
public sealed class VoidPayment(IPaymentGateway gateway) : TaskActivity<SettlePaymentInput, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, SettlePaymentInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        await gateway.VoidAsync(input.AuthorizationId);
        return true;
    }
}

/// <summary>Activity: gives captured money back (idempotent per authorization at the gateway).</summary>
public sealed class RefundPayment(IPaymentGateway gateway) : TaskActivity<SettlePaymentInput, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, SettlePaymentInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        await gateway.RefundAsync(input.AuthorizationId, input.Amount);
        return true;
    }
}
