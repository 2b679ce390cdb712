using System.Diagnostics;
using System.Text.Json;
using AsyncCommerce.Checkout;
using AsyncCommerce.Orders;
using AsyncCommerce.Privacy;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AsyncCommerce.Api.Checkout;

/// <summary>
/// Accepts a checkout once per Idempotency-Key: validate, settle the key, record OrderPlaced and schedule the saga. No
/// stock or payment work happens here; that is the saga's job. Free of HTTP: the handler reads the request and
/// answers for each <see cref="CheckoutOutcome"/> (<see cref="CheckoutEndpoints.AcceptAsync"/>).
/// </summary>
public sealed partial class CheckoutAcceptance(
    CheckoutValidator validator,
    IIdempotencyStore keys,
    OrderEventRecorder recorder,
    CheckoutSagaInputs sagaInputs,
    IOptions<CheckoutOptions> checkoutOptions,
    TimeProvider clock,
    ILogger<CheckoutAcceptance> logger)
{
    private static readonly TimeSpan DuplicatePollInterval = TimeSpan.FromMilliseconds(20);

    /// <param name="idempotencyKey">A key the handler checked (<see cref="IdempotencyKey.Problem"/>).</param>
    public async Task<CheckoutOutcome> AcceptAsync(string idempotencyKey, CheckoutRequest request, DurableTaskClient workflows, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(idempotencyKey);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(workflows);
        var validation = await validator.ValidateAsync(request, cancellationToken);
        if (validation.Checkout is not { } checkout)
            return new CheckoutInvalid(validation.Errors);

        var candidate = new IdempotencyRecord(idempotencyKey, Fingerprint(checkout, request), NewOrderId(), IdempotencyState.InProgress, clock.GetUtcNow());
        return await SettleKeyAsync(candidate, checkout, workflows, cancellationToken);
    }

    private async Task<CheckoutOutcome> SettleKeyAsync(IdempotencyRecord candidate, ValidatedCheckout checkout, DurableTaskClient workflows, CancellationToken cancellationToken)
    {
        var options = checkoutOptions.Value;
        var waitUntil = clock.GetUtcNow() + options.DuplicateWait;
        var stored = await keys.ClaimAsync(candidate, cancellationToken);
        while (true)
        {
            var now = clock.GetUtcNow();
            switch (IdempotencyDecision.Decide(stored, candidate, now, waitUntil, options))
            {
                case IdempotencyStep.AcceptAsNew:
                    return await PlaceAsync(candidate, checkout, workflows, takingOver: false, cancellationToken);
                case IdempotencyStep.RejectDifferentBody:
                    return new KeyReusedWithDifferentBody();
                case IdempotencyStep.ReplayAccepted:
                    return new OrderAccepted(stored.OrderId, Replayed: true);
                case IdempotencyStep.GiveUp:
                    return new StillBeingAccepted();
                case IdempotencyStep.ReplaceExpired:
                    if (await keys.TryReplaceAsync(stored, candidate, cancellationToken))
                        return await PlaceAsync(candidate, checkout, workflows, takingOver: false, cancellationToken);
                    break;
                case IdempotencyStep.TakeOver:
                    var takeover = stored with { ClaimedAt = now };
                    if (await keys.TryReplaceAsync(stored, takeover, cancellationToken))
                        return await PlaceAsync(takeover, checkout, workflows, takingOver: true, cancellationToken);
                    break;
                case IdempotencyStep.WaitAndReload:
                    await Task.Delay(DuplicatePollInterval, clock, cancellationToken);
                    break;
                default:
                    throw new UnreachableException();
            }

            // Waited, or another request replaced the record first: what holds the key now decides the next step.
            stored = await ReloadAsync(candidate.Key, cancellationToken);
        }
    }

    private async Task<OrderAccepted> PlaceAsync(
        IdempotencyRecord claim, ValidatedCheckout checkout, DurableTaskClient workflows, bool takingOver, CancellationToken cancellationToken)
    {
        var orderId = claim.OrderId;

        // A deterministic event id: a takeover after a crash appends nothing twice.
        await recorder.RecordAsync(orderId, $"{orderId}:placed", clock.GetUtcNow(), checkout.Order, cancellationToken);

        // Only a takeover can find the saga already scheduled; a fresh order id cannot, so it skips the lookup.
        if (!takingOver || await workflows.GetInstanceAsync(orderId, getInputsAndOutputs: false, cancellationToken) is null)
            await workflows.ScheduleNewOrchestrationInstanceAsync(nameof(CheckoutSaga), sagaInputs.For(orderId, checkout), new StartOrchestrationOptions(orderId), cancellationToken);

        await keys.TryReplaceAsync(claim, claim with { State = IdempotencyState.Completed }, CancellationToken.None);
        LogAccepted(orderId, checkout.Order.Fulfillment.Type, checkout.Order.LocationId);
        return new OrderAccepted(orderId, Replayed: false);
    }

    private async Task<IdempotencyRecord> ReloadAsync(string key, CancellationToken cancellationToken) =>
        await keys.GetAsync(key, cancellationToken)
        ?? throw new InvalidOperationException($"Idempotency record '{key}' disappeared while it was being settled.");

    /// <summary>
    /// Keyed hash of the request as parsed, so formatting and property order do not make two bodies differ. Keyed with
    /// the customer's data key, not a plain hash: the request holds the contact, and a plain hash of it can be reversed
    /// by hashing guesses; after the customer's erasure it can be neither reversed nor matched. The key is the one the
    /// contact was just sealed under, so the checkout reads it once.
    /// </summary>
    private static string Fingerprint(ValidatedCheckout checkout, CheckoutRequest request) =>
        PersonalDataProtection.Fingerprint(checkout.CustomerKey, JsonSerializer.SerializeToUtf8Bytes(request, CommerceJsonDefaults.Options));

    private static string NewOrderId() => $"ord_{Guid.CreateVersion7():N}";

    [LoggerMessage(EventId = 2001, EventName = "CheckoutAccepted", Level = LogLevel.Information, Message = "Order {OrderId} accepted ({Fulfillment} at {LocationId})")]
    private partial void LogAccepted(string orderId, FulfillmentType fulfillment, string locationId);
}
