using AsyncCommerce.Adapters.Behaviours.Support;
using AsyncCommerce.Adapters.Simulated.Payments;
using AsyncCommerce.Orders;
using AsyncCommerce.Payments;

namespace AsyncCommerce.Adapters.Behaviours.Payments;

/// <summary>What every <see cref="ISimulatedPaymentLedger"/> does, whatever keeps the ledger.</summary>
public abstract class PaymentLedgerBehaviour : PortBehaviour<ISimulatedPaymentLedger>
{
    private static readonly Money Total = new(129.99m, "USD");

    private readonly string _orderId = NewId("order");

    [BehaviourFact]
    public async Task CountCall_Repeated_CountsFromOneUp()
    {
        var counts = new List<int>();
        for (var call = 0; call < 3; call++)
            counts.Add(await Port.CountCallAsync(_orderId, SimulatedTokens.CardFlaky));

        Assert.Equal([1, 2, 3], counts);
    }

    [BehaviourFact]
    public async Task CountCall_ForAnotherOrderOrToken_CountsApart()
    {
        await Port.CountCallAsync(_orderId, SimulatedTokens.CardFlaky);
        await Port.CountCallAsync(_orderId, SimulatedTokens.CardFlaky);

        var otherToken = await Port.CountCallAsync(_orderId, SimulatedTokens.Visa);
        var otherOrder = await Port.CountCallAsync(NewId("order"), SimulatedTokens.CardFlaky);

        Assert.Equal(1, otherToken);
        Assert.Equal(1, otherOrder);
        Assert.Equal(3, await Port.CountCallAsync(_orderId, SimulatedTokens.CardFlaky));
    }

    [BehaviourFact]
    public async Task CountCall_Concurrently_GivesEveryCallItsOwnNumber()
    {
        var counts = await RaceAsync(20, _ => Port.CountCallAsync(_orderId, SimulatedTokens.CardFlaky));

        Assert.Equal(Enumerable.Range(1, 20), counts.Order());
    }

    [BehaviourFact]
    public async Task FindApproval_WhenNoneIsRecorded_ReturnsNull()
    {
        Assert.Null(await Port.FindApprovalAsync(NewId("key")));
    }

    [BehaviourFact]
    public async Task RecordApproval_First_ReturnsItsApprovalAndKeepsTheAuthorization()
    {
        var key = NewId("key");
        var authorization = NewAuthorization();

        var approval = await Port.RecordApprovalAsync(key, authorization);

        Assert.Equal(AuthorizationResult.Approved(authorization.AuthorizationId), approval);
        Assert.Equal(approval, await Port.FindApprovalAsync(key));
        Assert.Equal(authorization, await Port.FindAuthorizationAsync(authorization.AuthorizationId));
    }

    [BehaviourFact]
    public async Task RecordApproval_Deferred_KeepsItDeferred()
    {
        var key = NewId("key");
        var authorization = NewAuthorization(PaymentMethods.PayInStore) with { Deferred = true };

        var approval = await Port.RecordApprovalAsync(key, authorization);

        Assert.Equal(AuthorizationResult.Approved(authorization.AuthorizationId, deferred: true), approval);
        Assert.Equal(approval, await Port.FindApprovalAsync(key));
        Assert.Equal(authorization, await Port.FindAuthorizationAsync(authorization.AuthorizationId));
    }

    [BehaviourFact]
    public async Task RecordApproval_AgainForTheSameKey_ReturnsTheFirstAndRecordsNothingMore()
    {
        var key = NewId("key");
        var first = NewAuthorization();
        var second = NewAuthorization();
        await Port.RecordApprovalAsync(key, first);

        var again = await Port.RecordApprovalAsync(key, second);

        Assert.Equal(first.AuthorizationId, again.AuthorizationId);
        Assert.Null(await Port.FindAuthorizationAsync(second.AuthorizationId));
        Assert.Equal([first], await OrderAuthorizationsAsync());
    }

    [BehaviourFact]
    public async Task RecordApproval_ConcurrentlyForOneKey_KeepsOneAuthorization()
    {
        var key = NewId("key");

        var approvals = await RaceAsync(20, _ => Port.RecordApprovalAsync(key, NewAuthorization()));

        var recorded = Assert.Single(await OrderAuthorizationsAsync());
        Assert.All(approvals, approval => Assert.Equal(recorded.AuthorizationId, approval.AuthorizationId));
    }

    [BehaviourFact]
    public async Task RecordApproval_KeysThatDifferOnlyInReservedCharacters_StayApart()
    {
        var stem = NewId("key");
        string[] keys = [$"{stem}/a", $"{stem}%2Fa", $"{stem}#a", $"{stem}?a", $"{stem}\\a", $"{stem}|a", $"{stem}\ta"];
        var authorizations = keys.Select(_ => NewAuthorization()).ToArray();

        foreach (var (key, authorization) in keys.Zip(authorizations))
            await Port.RecordApprovalAsync(key, authorization);

        foreach (var (key, authorization) in keys.Zip(authorizations))
            Assert.Equal(authorization.AuthorizationId, (await Port.FindApprovalAsync(key))?.AuthorizationId);
    }

    [BehaviourFact]
    public async Task FindAuthorization_WhenUnknown_ReturnsNull()
    {
        Assert.Null(await Port.FindAuthorizationAsync(NewId("auth")));
    }

    [BehaviourFact]
    public async Task UpdateAuthorization_StoresWhatTheTransitionReturns()
    {
        var authorization = await RecordedAsync();
        var captured = authorization with { State = AuthorizationState.Captured, Captured = Total with { Amount = 100m } };

        var updated = await Port.UpdateAuthorizationAsync(authorization.AuthorizationId, _ => captured);

        Assert.Equal(captured, updated);
        Assert.Equal(captured, await Port.FindAuthorizationAsync(authorization.AuthorizationId));
    }

    [BehaviourFact]
    public async Task UpdateAuthorization_WhenTheTransitionChangesNothing_ReturnsItAsStored()
    {
        var authorization = await RecordedAsync();

        var updated = await Port.UpdateAuthorizationAsync(authorization.AuthorizationId, current => current);

        Assert.Equal(authorization, updated);
        Assert.Equal(authorization, await Port.FindAuthorizationAsync(authorization.AuthorizationId));
    }

    [BehaviourFact]
    public async Task UpdateAuthorization_WhenUnknown_ReturnsNull()
    {
        Assert.Null(await Port.UpdateAuthorizationAsync(NewId("auth"), current => current with { State = AuthorizationState.Voided }));
    }

    [BehaviourFact]
    public async Task UpdateAuthorization_WhenTheTransitionThrows_KeepsTheAuthorization()
    {
        var authorization = await RecordedAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            Port.UpdateAuthorizationAsync(authorization.AuthorizationId, _ => throw new InvalidOperationException("Not in this state.")));

        Assert.Equal(authorization, await Port.FindAuthorizationAsync(authorization.AuthorizationId));
    }

    [BehaviourFact]
    public async Task UpdateAuthorization_WhenTheTransitionChangesTheId_ThrowsAndKeepsTheAuthorization()
    {
        var authorization = await RecordedAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            Port.UpdateAuthorizationAsync(authorization.AuthorizationId, current => current with { AuthorizationId = NewId("auth"), State = AuthorizationState.Voided }));

        Assert.Equal(authorization, await Port.FindAuthorizationAsync(authorization.AuthorizationId));
    }

    [BehaviourFact]
    public async Task UpdateAuthorization_Concurrently_AppliesEveryTransitionOnce()
    {
        var authorization = await RecordedAsync();
        await Port.UpdateAuthorizationAsync(authorization.AuthorizationId, current => current with { State = AuthorizationState.Captured, Captured = Total with { Amount = 0m } });

        await RaceAsync(20, _ => Port.UpdateAuthorizationAsync(authorization.AuthorizationId, current => current with { Captured = current.Captured! with { Amount = current.Captured.Amount + 1m } }));

        Assert.Equal(20m, (await Port.FindAuthorizationAsync(authorization.AuthorizationId))?.Captured?.Amount);
    }

    [BehaviourFact]
    public async Task ListAuthorizations_ReturnsThemOldestFirst()
    {
        var first = await RecordedAsync();
        var second = await RecordedAsync();
        var third = await RecordedAsync();

        Assert.Equal([first, second, third], await OrderAuthorizationsAsync());
    }

    private SimulatedAuthorization NewAuthorization(string method = PaymentMethods.Card) =>
        new($"auth_{Guid.NewGuid():N}", _orderId, method, Total, Deferred: false, AuthorizationState.Authorized);

    private async Task<SimulatedAuthorization> RecordedAsync()
    {
        var authorization = NewAuthorization();
        await Port.RecordApprovalAsync(NewId("key"), authorization);
        return authorization;
    }

    /// <summary>This test's authorizations, oldest first: a ledger may be shared with other tests.</summary>
    private async Task<SimulatedAuthorization[]> OrderAuthorizationsAsync() =>
        [.. (await Port.ListAuthorizationsAsync()).Where(authorization => authorization.OrderId == _orderId)];
}
