using AsyncCommerce.Adapters.AzureStorage.Payments;
using AsyncCommerce.Adapters.AzureStorage.Tests.Support;
using AsyncCommerce.Adapters.Behaviours.Payments;
using AsyncCommerce.Adapters.Simulated.Payments;

namespace AsyncCommerce.Adapters.AzureStorage.Tests.Payments;

/// <summary>The shared PaymentLedgerBehaviour suite against Azure Tables on Azurite.</summary>
public sealed class TablePaymentLedgerBehaviourTests(AzuriteTable table) : PaymentLedgerBehaviour, IClassFixture<AzuriteTable>
{
    protected override Task<ISimulatedPaymentLedger> CreatePortAsync() => Task.FromResult<ISimulatedPaymentLedger>(new TablePaymentLedger(table.Table, AzuriteTables.ConflictRetry));
}
