using AsyncCommerce.Adapters.AzureStorage.Payments;
using AsyncCommerce.Adapters.AzureStorage.Tests.Support;
using AsyncCommerce.Adapters.Simulated.Payments;
using AsyncCommerce.Orders;
using AsyncCommerce.Payments;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AsyncCommerce.Adapters.AzureStorage.Tests.Payments;

/// <summary>
/// The simulated gateway over the Azure Tables ledger, restarted (a new gateway and ledger over the same table) or
/// run as two hosts at once: it must keep the promises the in-memory ledger only keeps within one process.
/// </summary>
public sealed class TablePaymentLedgerTests(AzuriteTable table) : IClassFixture<AzuriteTable>
{
    private static readonly Money Total = new(129.99m, "USD");

    private readonly string _orderId = $"order-{Guid.NewGuid():N}";

    [Fact]
    public async Task Authorize_SameKeyAfterARestart_ReturnsTheFirstApproval()
    {
        var first = await NewGateway().AuthorizeAsync(Request(SimulatedTokens.Visa));

        var afterRestart = await NewGateway().AuthorizeAsync(Request(SimulatedTokens.Visa));

        Assert.Equal(PaymentOutcome.Approved, first.Outcome);
        Assert.Equal(first, afterRestart);
        Assert.Single(await OrderAuthorizationsAsync(NewGateway()));
    }

    [Fact]
    public async Task Authorize_FlakyCardAcrossARestart_KeepsCountingItsFailures()
    {
        var beforeRestart = new[]
        {
            await NewGateway().AuthorizeAsync(Request(SimulatedTokens.CardFlaky)),
            await NewGateway().AuthorizeAsync(Request(SimulatedTokens.CardFlaky)),
        };

        var afterRestart = await NewGateway().AuthorizeAsync(Request(SimulatedTokens.CardFlaky));

        Assert.All(beforeRestart, result => Assert.Equal(PaymentOutcome.TransientFailure, result.Outcome));
        Assert.Equal(PaymentOutcome.Approved, afterRestart.Outcome);
    }

    [Fact]
    public async Task Authorize_TwoGatewaysRacingOneKey_AuthorizeOnce()
    {
        SimulatedPaymentGateway[] hosts = [NewGateway(), NewGateway()];

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(index => Task.Run(() => hosts[index % 2].AuthorizeAsync(Request(SimulatedTokens.Visa)))));

        var authorization = Assert.Single(await OrderAuthorizationsAsync(hosts[0]));
        Assert.All(results, result => Assert.Equal(AuthorizationResult.Approved(authorization.AuthorizationId), result));
    }

    [Fact]
    public async Task Capture_AfterARestart_CapturesOnceAndKeepsTheStateForTheNextRestart()
    {
        var authorizationId = (await NewGateway().AuthorizeAsync(Request(SimulatedTokens.Visa))).AuthorizationId!;

        await NewGateway().CaptureAsync(authorizationId, Total);
        await NewGateway().CaptureAsync(authorizationId, Total);

        var captured = await NewGateway().FindAuthorizationAsync(authorizationId);
        Assert.Equal(AuthorizationState.Captured, captured?.State);
        Assert.Equal(Total, captured?.Captured);
        await Assert.ThrowsAsync<InvalidOperationException>(() => NewGateway().VoidAsync(authorizationId));
    }

    [Fact]
    public async Task Refund_WhenTwoGatewaysRace_RefundsOnce()
    {
        var authorizationId = (await NewGateway().AuthorizeAsync(Request(SimulatedTokens.Visa))).AuthorizationId!;
        await NewGateway().CaptureAsync(authorizationId, Total);

        await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => NewGateway().RefundAsync(authorizationId, Total))));

        var refunded = await NewGateway().FindAuthorizationAsync(authorizationId);
        Assert.Equal(AuthorizationState.Refunded, refunded?.State);
        Assert.Equal(Total, refunded?.Refunded);
    }

    [Fact]
    public async Task CountCall_AnyToken_NeverStoresIt()
    {
        await NewGateway().AuthorizeAsync(Request(SimulatedTokens.CardFlaky));
        await NewGateway().AuthorizeAsync(Request(SimulatedTokens.Visa));

        var stored = new List<string>();
        await foreach (var entity in table.Table.QueryAsync<TableEntity>())
            stored.AddRange([entity.PartitionKey, entity.RowKey, .. entity.Select(property => property.Value?.ToString() ?? "")]);

        Assert.Contains(stored, text => text.Contains(_orderId, StringComparison.Ordinal));
        Assert.DoesNotContain(stored, text => text.Contains(SimulatedTokens.CardFlaky, StringComparison.Ordinal) || text.Contains(SimulatedTokens.Visa, StringComparison.Ordinal));
    }

    private SimulatedPaymentGateway NewGateway() => new(
        new TablePaymentLedger(table.Table, AzuriteTables.ConflictRetry),
        Options.Create(new SimulatedGatewayOptions { GatewayLatency = TimeSpan.Zero }),
        TimeProvider.System,
        NullLogger<SimulatedPaymentGateway>.Instance);

    private AuthorizationRequest Request(string token) => new(_orderId, $"{_orderId}:0", PaymentMethods.Card, token, Total);

    private async Task<SimulatedAuthorization[]> OrderAuthorizationsAsync(SimulatedPaymentGateway gateway) =>
        [.. (await gateway.ListAuthorizationsAsync()).Where(authorization => authorization.OrderId == _orderId)];
}
