using AsyncCommerce.Inventory;
using AsyncCommerce.Orders;
using AsyncCommerce.Payments;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;

namespace AsyncCommerce.Functions.Workflows;

/// <summary>
/// One <c>[ActivityTrigger]</c> per activity of <see cref="CommerceTasks"/>, named after its class (the orchestrators
/// call activities by <c>nameof</c>). Each resolves the activity class with its dependencies from the invocation's
/// services and runs it; the activity's logic stays in <c>orchestrations/</c>.
/// </summary>
public static class ActivityFunctions
{
    [Function(nameof(RecordOrderEvent))]
    public static Task<int> RunRecordOrderEvent([ActivityTrigger] RecordOrderEventInput input, string instanceId, FunctionContext function) =>
        RunAsync<RecordOrderEvent, RecordOrderEventInput, int>(input, instanceId, function);

    [Function(nameof(ReserveStock))]
    public static Task<ReservationResult> RunReserveStock([ActivityTrigger] ReserveStockInput input, string instanceId, FunctionContext function) =>
        RunAsync<ReserveStock, ReserveStockInput, ReservationResult>(input, instanceId, function);

    [Function(nameof(ReleaseStock))]
    public static Task<bool> RunReleaseStock([ActivityTrigger] StockMovementInput input, string instanceId, FunctionContext function) =>
        RunAsync<ReleaseStock, StockMovementInput, bool>(input, instanceId, function);

    [Function(nameof(CommitStock))]
    public static Task<bool> RunCommitStock([ActivityTrigger] CommitStockInput input, string instanceId, FunctionContext function) =>
        RunAsync<CommitStock, CommitStockInput, bool>(input, instanceId, function);

    [Function(nameof(AuthorizePayment))]
    public static Task<AuthorizationResult> RunAuthorizePayment([ActivityTrigger] AuthorizePaymentInput input, string instanceId, FunctionContext function) =>
        RunAsync<AuthorizePayment, AuthorizePaymentInput, AuthorizationResult>(input, instanceId, function);

    [Function(nameof(CapturePayment))]
    public static Task<bool> RunCapturePayment([ActivityTrigger] CapturePaymentInput input, string instanceId, FunctionContext function) =>
        RunAsync<CapturePayment, CapturePaymentInput, bool>(input, instanceId, function);

    [Function(nameof(VoidPayment))]
    public static Task<bool> RunVoidPayment([ActivityTrigger] SettlePaymentInput input, string instanceId, FunctionContext function) =>
        RunAsync<VoidPayment, SettlePaymentInput, bool>(input, instanceId, function);

    [Function(nameof(RefundPayment))]
    public static Task<bool> RunRefundPayment([ActivityTrigger] SettlePaymentInput input, string instanceId, FunctionContext function) =>
        RunAsync<RefundPayment, SettlePaymentInput, bool>(input, instanceId, function);

    internal static Task<TOutput> RunAsync<TActivity, TInput, TOutput>(TInput input, string instanceId, FunctionContext function)
        where TActivity : TaskActivity<TInput, TOutput>
    {
        ArgumentNullException.ThrowIfNull(function);
        var activity = ActivatorUtilities.GetServiceOrCreateInstance<TActivity>(function.InstanceServices);
        return activity.RunAsync(new FunctionActivityContext(typeof(TActivity).Name, instanceId), input);
    }
}
