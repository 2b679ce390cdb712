using System.Text.Json;
using AsyncCommerce.Api.Http;
using AsyncCommerce.Checkout;
using AsyncCommerce.Inventory;
using AsyncCommerce.Orders;
using AsyncCommerce.Payments;
using AsyncCommerce.Pickup;
using AsyncCommerce.Privacy;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AsyncCommerce.Api.Checkout;

/// <summary>
/// POST /api/checkouts: validate, claim the Idempotency-Key, record OrderPlaced and schedule the saga, then
/// answer 202. No stock or payment work happens here; that is the saga's job.
/// </summary>
public sealed partial class CheckoutAcceptance(
    CheckoutValidator validator,
    IIdempotencyStore keys,
    OrderEventRecorder recorder,
    PersonalDataProtection protection,
    IOptions<CheckoutOptions> checkoutOptions,
    IOptions<PaymentOptions> paymentOptions,
    IOptions<PickupOptions> pickupOptions,
    IOptions<WorkflowOptions> workflowOptions,
    TimeProvider clock,
    ILogger<CheckoutAcceptance> logger)
{
    private static readonly TimeSpan DuplicatePollInterval = TimeSpan.FromMilliseconds(20);

    public async Task<Results<CheckoutAcceptedResult, BodyRejected, ValidationProblem, ConflictProblem, UnprocessableProblem>> AcceptAsync(
        HttpRequest request, string? idempotencyKey, DurableTaskClient workflows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = await JsonRequestBody.ReadAsync<CheckoutRequest>(request, CheckoutLimits.MaxBodyBytes, cancellationToken);
        if (IdempotencyKey.Problem(idempotencyKey) is { } keyProblem)
            return Problems.Validation(IdempotencyKey.Header, keyProblem);
        if (body.Problem is not null)
            return body.Problem;

        var validation = await validator.ValidateAsync(body.Value!, cancellationToken);
        if (!validation.IsValid)
            return Problems.Validation(validation.Errors);

        var fingerprint = await FingerprintAsync(validation.Checkout!.Order.CustomerId, body.Value!, cancellationToken);
        var candidate = new IdempotencyRecord(idempotencyKey!, fingerprint, NewOrderId(), IdempotencyState.InProgress, clock.GetUtcNow());
        return await SettleKeyAsync(candidate, validation.Checkout!, workflows, cancellationToken);
    }

    private async Task<Results<CheckoutAcceptedResult, BodyRejected, ValidationProblem, ConflictProblem, UnprocessableProblem>> SettleKeyAsync(
        IdempotencyRecord candidate, ValidatedCheckout checkout, DurableTaskClient workflows, CancellationToken cancellationToken)
    {
        var options = checkoutOptions.Value;
        var waitUntil = clock.GetUtcNow() + options.DuplicateWait;
        var stored = await keys.ClaimAsync(candidate, cancellationToken);
        while (true)
        {
            var now = clock.GetUtcNow();
            if (stored == candidate)
                return await AcceptNewAsync(candidate, checkout, workflows, takingOver: false, cancellationToken);

            if (stored.ClaimedAt + options.IdempotencyRetention < now)
            {
                // The old use of this key has been forgotten: it is a new key again.
                stored = await ReplaceOrReloadAsync(stored, candidate, cancellationToken);
                continue;
            }

            if (stored.RequestFingerprint != candidate.RequestFingerprint)
                return Problems.Unprocessable($"The {IdempotencyKey.Header} was already used with a different request body.");

            if (stored.State == IdempotencyState.Completed)
                return Accepted(stored.OrderId, replayed: true);

            if (stored.ClaimedAt + options.AcceptanceLease < now)
            {
                // The request that claimed the key died mid-way; finish its work under its order id.
                var takeover = stored with { ClaimedAt = now };
                if (await keys.TryReplaceAsync(stored, takeover, cancellationToken))
                    return await AcceptNewAsync(takeover, checkout, workflows, takingOver: true, cancellationToken);
                stored = await ReloadAsync(candidate.Key, cancellationToken);
                continue;
            }

            if (now >= waitUntil)
                return Problems.Conflict($"A request with this {IdempotencyKey.Header} is still being accepted; retry shortly.");

            await Task.Delay(DuplicatePollInterval, clock, cancellationToken);
            stored = await ReloadAsync(candidate.Key, cancellationToken);
        }
    }

    private async Task<CheckoutAcceptedResult> AcceptNewAsync(
        IdempotencyRecord claim, ValidatedCheckout checkout, DurableTaskClient workflows, bool takingOver, CancellationToken cancellationToken)
    {
        var orderId = claim.OrderId;

        // A deterministic event id: a takeover after a crash appends nothing twice.
        await recorder.RecordAsync(orderId, $"{orderId}:placed", clock.GetUtcNow(), checkout.Order, cancellationToken);

        // Only a takeover can find the saga already scheduled; a fresh order id cannot, so it skips the lookup.
        if (!takingOver || await workflows.GetInstanceAsync(orderId, getInputsAndOutputs: false, cancellationToken) is null)
            await workflows.ScheduleNewOrchestrationInstanceAsync(nameof(CheckoutSaga), ToSagaInput(orderId, checkout), new StartOrchestrationOptions(orderId), cancellationToken);

        await keys.TryReplaceAsync(claim, claim with { State = IdempotencyState.Completed }, CancellationToken.None);
        LogAccepted(orderId, checkout.Order.Fulfillment.Type, checkout.Order.LocationId);
        return Accepted(orderId, replayed: false);
    }

    private CheckoutInput ToSagaInput(string orderId, ValidatedCheckout checkout) => new(
        orderId,
        checkout.Order.Fulfillment.Type,
        checkout.Order.LocationId,
        checkout.Order.Fulfillment.StoreId,
        checkout.Order.Total,
        [.. checkout.Order.Lines.Select(l => new StockLine(l.Sku, l.Quantity))],
        checkout.Payments,
        WorkflowTimings.From(paymentOptions.Value, pickupOptions.Value, workflowOptions.Value));

    private CheckoutAcceptedResult Accepted(string orderId, bool replayed) =>
        new(new CheckoutAccepted(orderId, nameof(OrderStatus.Accepted), CommerceRoutes.CheckoutUrl(orderId)), checkoutOptions.Value.RetryAfterSeconds, replayed);

    private async Task<IdempotencyRecord> ReplaceOrReloadAsync(IdempotencyRecord stored, IdempotencyRecord candidate, CancellationToken cancellationToken) =>
        await keys.TryReplaceAsync(stored, candidate, cancellationToken) ? candidate : await ReloadAsync(candidate.Key, cancellationToken);

    private async Task<IdempotencyRecord> ReloadAsync(string key, CancellationToken cancellationToken) =>
        await keys.GetAsync(key, cancellationToken)
        ?? throw new InvalidOperationException($"Idempotency record '{key}' disappeared while it was being settled.");

    /// <summary>
    /// Keyed hash of the request as parsed, so formatting and property order do not make two bodies differ. Keyed with
    /// the customer's data key, not a plain hash: the request holds the contact, and a plain hash of it can be reversed
    /// by hashing guesses; after the customer's erasure it can be neither reversed nor matched.
    /// </summary>
    private Task<string> FingerprintAsync(string customerId, CheckoutRequest request, CancellationToken cancellationToken) =>
        protection.FingerprintAsync(customerId, JsonSerializer.SerializeToUtf8Bytes(request, CommerceJson.Options), cancellationToken);

    private static string NewOrderId() => $"ord_{Guid.CreateVersion7():N}";

    [LoggerMessage(EventId = 2001, EventName = "CheckoutAccepted", Level = LogLevel.Information, Message = "Order {OrderId} accepted ({Fulfillment} at {LocationId})")]
    private partial void LogAccepted(string orderId, FulfillmentType fulfillment, string locationId);
}
