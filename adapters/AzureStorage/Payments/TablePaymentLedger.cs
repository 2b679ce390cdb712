using System.Security.Cryptography;
using System.Text;
using AsyncCommerce.Adapters.Simulated.Payments;
using AsyncCommerce.Concurrency;
using AsyncCommerce.Payments;
using Azure.Data.Tables;

namespace AsyncCommerce.Adapters.AzureStorage.Payments;

/// <summary>
/// The simulated gateway's ledger in an Azure table, so that a restart, or a second host on the same storage, keeps
/// its promises: an idempotency key authorizes once, settlements happen once, and call counts carry on.
/// </summary>
/// <remarks>
/// Partition <c>authorizations</c> holds each approval (<c>approval|{key}</c>: the authorization it approved) beside
/// the authorization itself (<c>authorization|{id}</c>), so both are inserted by one entity-group transaction: the
/// insert of the approval is the at-most-once guard, and no crash can leave one without the other. One partition for
/// all of them is a throughput ceiling a simulator never reaches. Partition <c>calls</c> holds a counter per order
/// and token, incremented on its ETag. Settlements replace the authorization on the ETag read.
/// </remarks>
public sealed class TablePaymentLedger : ISimulatedPaymentLedger
{
    private const string AuthorizationPartition = "authorizations";
    private const string CallPartition = "calls";
    private const string ApprovalPrefix = "approval";
    private const string AuthorizationPrefix = "authorization";
    private const string AuthorizationIdProperty = nameof(SimulatedAuthorization.AuthorizationId);
    private const string DeferredProperty = nameof(SimulatedAuthorization.Deferred);
    private const string OrderIdProperty = nameof(SimulatedAuthorization.OrderId);
    private const string CountProperty = "Count";

    private readonly TableClient _table;
    private readonly ConflictRetry _retry;
    private readonly TimeProvider _time;

    public TablePaymentLedger(TableClient table, TableConflictRetryOptions? conflictRetry = null, TimeProvider? timeProvider = null)
    {
        _table = table ?? throw new ArgumentNullException(nameof(table));
        _time = timeProvider ?? TimeProvider.System;
        _retry = (conflictRetry ?? new TableConflictRetryOptions()).ToRetry(_time);
    }

    public Task<int> CountCallAsync(string orderId, string token, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(orderId);
        ArgumentNullException.ThrowIfNull(token);
        var rowKey = TableKeys.Compose(orderId, Digest(token));
        return _retry.RunAsync($"Count a payment call for order {orderId}", async attempt =>
        {
            var counter = await _table.ReadOrNullAsync<TableEntity>(CallPartition, rowKey, attempt);
            var next = counter is null ? 1 : counter.RequiredInt32(CountProperty) + 1;
            var counted = new TableEntity(CallPartition, rowKey) { [OrderIdProperty] = orderId, [CountProperty] = next };
            var written = counter is null
                ? await _table.TryAddAsync(counted, attempt)
                : await _table.TryReplaceAsync(counted, counter.ETag, attempt);
            return written ? Attempt.Done(next) : Attempt<int>.Retry;
        }, cancellationToken);
    }

    public async Task<AuthorizationResult?> FindApprovalAsync(string idempotencyKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(idempotencyKey);
        var approval = await _table.ReadOrNullAsync<TableEntity>(AuthorizationPartition, ApprovalRow(idempotencyKey), cancellationToken);
        return approval is null ? null : AuthorizationResult.Approved(approval.RequiredString(AuthorizationIdProperty), approval.RequiredBoolean(DeferredProperty));
    }

    public async Task<AuthorizationResult> RecordApprovalAsync(string idempotencyKey, SimulatedAuthorization authorization, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(idempotencyKey);
        ArgumentNullException.ThrowIfNull(authorization);
        var approval = new TableEntity(AuthorizationPartition, ApprovalRow(idempotencyKey))
        {
            [AuthorizationIdProperty] = authorization.AuthorizationId,
            [DeferredProperty] = authorization.Deferred,
        };
        var recorded = AuthorizationEntities.ToEntity(AuthorizationPartition, AuthorizationRow(authorization.AuthorizationId), authorization, _time.GetUtcNow().UtcTicks);
        if (await _table.TrySubmitAsync([new(TableTransactionActionType.Add, approval), new(TableTransactionActionType.Add, recorded)], cancellationToken))
            return AuthorizationResult.Approved(authorization.AuthorizationId, authorization.Deferred);

        // Another call approved this key first (here or in another process): its approval stands.
        return await FindApprovalAsync(idempotencyKey, cancellationToken)
            ?? throw new InvalidOperationException($"Authorization {authorization.AuthorizationId} of order {authorization.OrderId} is already recorded under another idempotency key.");
    }

    public async Task<SimulatedAuthorization?> FindAuthorizationAsync(string authorizationId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(authorizationId);
        var entity = await _table.ReadOrNullAsync<TableEntity>(AuthorizationPartition, AuthorizationRow(authorizationId), cancellationToken);
        return entity is null ? null : AuthorizationEntities.FromEntity(entity);
    }

    public Task<SimulatedAuthorization?> UpdateAuthorizationAsync(string authorizationId, Func<SimulatedAuthorization, SimulatedAuthorization> transition, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(authorizationId);
        ArgumentNullException.ThrowIfNull(transition);
        var rowKey = AuthorizationRow(authorizationId);
        return _retry.RunAsync($"Update authorization {authorizationId}", async attempt =>
        {
            if (await _table.ReadOrNullAsync<TableEntity>(AuthorizationPartition, rowKey, attempt) is not { } stored)
                return Attempt.Done<SimulatedAuthorization?>(null);

            var current = AuthorizationEntities.FromEntity(stored);
            var updated = transition(current);
            if (!string.Equals(updated.AuthorizationId, authorizationId, StringComparison.Ordinal))
                throw new InvalidOperationException($"An update of authorization {authorizationId} cannot turn it into {updated.AuthorizationId}.");
            // A repeated settlement changes nothing: answer without a write, so it cannot conflict with anyone.
            if (updated == current)
                return Attempt.Done<SimulatedAuthorization?>(current);

            var replacement = AuthorizationEntities.ToEntity(AuthorizationPartition, rowKey, updated, stored.RequiredInt64(AuthorizationEntities.RecordedAt));
            return await _table.TryReplaceAsync(replacement, stored.ETag, attempt) ? Attempt.Done<SimulatedAuthorization?>(updated) : Attempt<SimulatedAuthorization?>.Retry;
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<SimulatedAuthorization>> ListAuthorizationsAsync(CancellationToken cancellationToken = default)
    {
        // Row keys of authorizations run from "authorization|" to just below "authorization}" ('}' follows '|').
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {AuthorizationPartition} and RowKey ge {AuthorizationPrefix + TableKeys.Separator} and RowKey lt {AuthorizationPrefix + (char)(TableKeys.Separator + 1)}");
        var entities = new List<TableEntity>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            entities.Add(entity);
        return [.. entities.OrderBy(entity => entity.RequiredInt64(AuthorizationEntities.RecordedAt)).ThenBy(entity => entity.RowKey, StringComparer.Ordinal).Select(AuthorizationEntities.FromEntity)];
    }

    private static string ApprovalRow(string idempotencyKey) => TableKeys.Compose(ApprovalPrefix, idempotencyKey);

    private static string AuthorizationRow(string authorizationId) => TableKeys.Compose(AuthorizationPrefix, authorizationId);

    /// <summary>A payment token never lands in storage, even a test one: its counter is keyed by the token's digest.</summary>
    private static string Digest(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
