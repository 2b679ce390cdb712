using AsyncCommerce.Checkout;
using AsyncCommerce.Inventory;
using AsyncCommerce.Orders;
using AsyncCommerce.Payments;
using Microsoft.DurableTask;

namespace AsyncCommerce;

/// <summary>
/// The one list of orchestrators and activities. Every host registers exactly these (the local host through
/// <see cref="AddCommerceTasks"/>, the Functions app through hand-written shims checked against this list,
/// since this feed has no DurableTask source generator).
/// </summary>
public static class CommerceTasks
{
    public static IReadOnlyList<Type> Orchestrators { get; } = [typeof(CheckoutSaga)];

    public static IReadOnlyList<Type> Activities { get; } =
    [
        typeof(RecordOrderEvent),
        typeof(ReserveStock),
        typeof(ReleaseStock),
        typeof(CommitStock),
        typeof(AuthorizePayment),
        typeof(CapturePayment),
        typeof(VoidPayment),
        typeof(RefundPayment),
    ];

    public static DurableTaskRegistry AddCommerceTasks(this DurableTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        foreach (var orchestrator in Orchestrators)
            registry.AddOrchestrator(orchestrator);
        foreach (var activity in Activities)
            registry.AddActivity(activity);
        return registry;
    }
}
