using AsyncCommerce.Adapters.Behaviours.Payments;
using AsyncCommerce.Adapters.Simulated.Payments;

namespace AsyncCommerce.Adapters.Simulated.Tests.Payments;

public sealed class InMemorySimulatedPaymentLedgerTests : PaymentLedgerBehaviour
{
    protected override Task<ISimulatedPaymentLedger> CreatePortAsync() => Task.FromResult<ISimulatedPaymentLedger>(new InMemorySimulatedPaymentLedger());
}
